package net.connmonitor.probe;

/**
 * One step of a route trace: the address that answered the probe with that hop limit, and its round-trip time.
 *
 * @param address the answering address in canonical text form, or null for a step where nothing answered in
 *                time ({@code *})
 * @param rttMs   the round-trip time in milliseconds; meaningless for a silent step
 */
public record TraceStep(String address, double rttMs) {

  private static final TraceStep SILENT = new TraceStep(null, 0);

  public static TraceStep silent() {
    return SILENT;
  }

  public boolean answered() {
    return address != null;
  }
}
