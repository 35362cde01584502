package net.connmonitor.probe;

import java.time.Instant;
import java.util.Optional;

/**
 * What the TLS handshake of an https scan showed of the server.
 *
 * @param version        the protocol version agreed, as Java names it: {@code TLSv1.3}, {@code TLSv1.2}
 * @param earliestExpiry the earliest {@code notAfter} of the certificates of the chain the server sent: the chain is
 *                       only as good as its shortest-lived certificate
 * @param notVerified    empty when the chain verifies against the system's trust store, else why it does not
 */
public record TlsFacts(String version, Instant earliestExpiry, Optional<String> notVerified) {

  public boolean verified() {
    return notVerified.isEmpty();
  }
}
