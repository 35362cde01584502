package net.connmonitor.record;

/**
 * Whom a record is about.
 *
 * @param name    the host as typed in the configuration
 * @param address the address that was measured, in its canonical text form (RFC 5952 for IPv6)
 */
public record Target(String name, String address) {
}
