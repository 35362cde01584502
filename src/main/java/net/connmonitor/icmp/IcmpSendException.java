package net.connmonitor.icmp;

/**
 * An echo request could not leave this machine (no route, a firewall rule, no sequence number left): a local failure,
 * not a lost request. The message says why in one line.
 */
public final class IcmpSendException extends Exception {
  private static final long serialVersionUID = 1L;

  IcmpSendException(String message) {
    super(message, null, false, false);
  }
}
