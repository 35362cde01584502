package net.connmonitor.monitor;

/** A configured host that cannot be measured; the message says why in one line. The other hosts still run. */
final class HostUnusableException extends Exception {
  private static final long serialVersionUID = 1L;

  HostUnusableException(String message) {
    super(message, null, false, false);
  }
}
