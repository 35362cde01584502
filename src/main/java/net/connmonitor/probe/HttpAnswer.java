package net.connmonitor.probe;

import java.util.Optional;

/**
 * What a web server answered to a scan's {@code HEAD /}.
 *
 * @param rttMs        from starting the connection to the first bytes of the response, in milliseconds
 * @param responseCode the three-digit status code, as sent
 * @param server       the {@code Server} header's value, or {@code Unknown} when the response has none
 * @param tls          what the TLS handshake showed, for HTTPS
 */
public record HttpAnswer(double rttMs, String responseCode, String server, Optional<TlsFacts> tls) {

  /** An answer over plain HTTP. */
  public HttpAnswer(double rttMs, String responseCode, String server) {
    this(rttMs, responseCode, server, Optional.empty());
  }
}
