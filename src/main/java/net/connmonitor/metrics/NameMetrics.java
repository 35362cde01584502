package net.connmonitor.metrics;

/**
 * Whether one host line's name resolves, fed from its host's event loop: its series says so, and every failed
 * look-up counts. Closed when the host line is removed.
 */
public interface NameMetrics {

  /** For a monitor without a metrics endpoint. */
  NameMetrics NONE = new NameMetrics() {
    @Override
    public void resolved() {
    }

    @Override
    public void unresolved() {
    }

    @Override
    public void close() {
    }
  };

  /** A look-up found an address (a literal always does). */
  void resolved();

  /** A look-up failed: the host is not measured until one succeeds, or measured at its last address. */
  void unresolved();

  /** Removes the series; later calls change nothing. */
  void close();
}
