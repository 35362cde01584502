package net.connmonitor.probe;

/**
 * What a web server answered to a scan's {@code HEAD /}.
 *
 * @param rttMs        from starting the connection to the first bytes of the response, in milliseconds
 * @param responseCode the three-digit status code, as sent
 * @param server       the {@code Server} header's value, or {@code Unknown} when the response has none
 */
public record HttpAnswer(double rttMs, String responseCode, String server) {
}
