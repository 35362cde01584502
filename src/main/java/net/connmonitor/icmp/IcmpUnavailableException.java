package net.connmonitor.icmp;

/** No ICMP socket of a family can be opened by this process; the message says why in one line. */
public final class IcmpUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  IcmpUnavailableException(String message) {
    super(message, null, false, false);
  }
}
