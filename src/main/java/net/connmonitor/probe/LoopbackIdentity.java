package net.connmonitor.probe;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import net.connmonitor.x509.SelfSigned;

/**
 * A key and a self-signed certificate for a TLS server in memory that only this process talks to: nothing written to
 * disk (see {@link SelfSigned}).
 *
 * @param key         the private key
 * @param certificate the certificate of its public key, signed with it, for {@code CN=localhost}
 */
record LoopbackIdentity(PrivateKey key, X509Certificate certificate) {

  /** Only ever used within seconds of being made; a day either side spares any doubt about clocks. */
  private static final Duration VALIDITY = Duration.ofDays(1);

  static LoopbackIdentity create() throws GeneralSecurityException {
    Instant now = Instant.now();
    SelfSigned made = SelfSigned.create("localhost", now.minus(VALIDITY), now.plus(VALIDITY));
    return new LoopbackIdentity(made.pair().getPrivate(), made.certificate());
  }
}
