package net.connmonitor.monitor;

/** The monitor cannot start; the reason has been logged already. */
public final class MonitorStartException extends Exception {
  private static final long serialVersionUID = 1L;

  public MonitorStartException(String message) {
    super(message, null, false, false);
  }
}
