package net.connmonitor.packaging;

/**
 * A file the package owns but does not carry, owned by root: the package scripts make it (RPM's {@code %ghost}).
 * Debian has no such notion; there the postinst makes it and the postrm removes it on purge.
 */
record GhostFile(String path, int mode) {
}
