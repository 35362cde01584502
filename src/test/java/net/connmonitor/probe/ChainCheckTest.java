package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;
import net.connmonitor.x509.SelfSigned;
import org.junit.jupiter.api.Test;

/** The judgement of a chain, kept while nothing can turn it: counted against a trust store that counts. */
class ChainCheckTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final Optional<String> UNTRUSTED = Optional.of("self-signed certificate (CN=web) that the system "
      + "does not trust");

  private final MovingClock clock = new MovingClock();
  private final CountingTrust trust = new CountingTrust();

  @Test
  void aChainIsValidatedOnceWhileNoCertificateOfItTurns() throws Exception {
    ChainCheck check = new ChainCheck(trust, clock, ChainCheck.KEPT);
    X509Certificate web = certificate("web", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    assertEquals(UNTRUSTED, check.problem(chain(web)));
    clock.now = NOW.plusSeconds(59);
    // Each handshake parses the server's certificates anew: the same bytes are the same chain.
    assertEquals(UNTRUSTED, check.problem(chain(reparsed(web))));
    assertEquals(UNTRUSTED, check.problem(chain(web)));
    assertEquals(1, trust.validations);
  }

  @Test
  void eachChainIsValidatedOnItsOwn() throws Exception {
    ChainCheck check = new ChainCheck(trust, clock, ChainCheck.KEPT);
    X509Certificate web = certificate("web", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    X509Certificate trusted = certificate("trusted", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    trust.trusted = trusted;
    assertEquals(UNTRUSTED, check.problem(chain(web)));
    assertEquals(Optional.empty(), check.problem(chain(trusted)));
    assertEquals(Optional.empty(), check.problem(chain(trusted)));
    assertEquals(UNTRUSTED, check.problem(chain(web)));
    assertEquals(2, trust.validations);
  }

  @Test
  void aChainIsValidatedAgainOnceACertificateOfItExpiresAndAfterTheLongestWhile() throws Exception {
    ChainCheck check = new ChainCheck(trust, clock, ChainCheck.KEPT);
    Instant notAfter = NOW.plusSeconds(10);
    X509Certificate web = certificate("web", NOW.minus(Duration.ofDays(1)), notAfter);
    assertEquals(UNTRUSTED, check.problem(chain(web)));
    clock.now = notAfter;
    assertEquals(UNTRUSTED, check.problem(chain(web)));
    assertEquals(1, trust.validations, "still valid at its notAfter");
    clock.now = notAfter.plusMillis(1);
    assertEquals(Optional.of("a certificate of the chain has expired"), check.problem(chain(web)));
    assertEquals(2, trust.validations);
    clock.now = clock.now.plus(ChainCheck.LONGEST).minusMillis(1);
    check.problem(chain(web));
    assertEquals(2, trust.validations);
    clock.now = clock.now.plusMillis(1);
    check.problem(chain(web));
    assertEquals(3, trust.validations);
  }

  @Test
  void aChainIsValidatedAgainOnceACertificateOfItStartsBeingValid() throws Exception {
    ChainCheck check = new ChainCheck(trust, clock, ChainCheck.KEPT);
    Instant notBefore = NOW.plusSeconds(10);
    X509Certificate web = certificate("web", notBefore, NOW.plus(Duration.ofDays(30)));
    check.problem(chain(web));
    clock.now = notBefore.minusMillis(1);
    check.problem(chain(web));
    assertEquals(1, trust.validations);
    clock.now = notBefore;
    check.problem(chain(web));
    assertEquals(2, trust.validations);
  }

  @Test
  void beyondTheBoundTheLeastRecentlyUsedChainIsForgotten() throws Exception {
    ChainCheck check = new ChainCheck(trust, clock, 2);
    Instant notAfter = NOW.plus(Duration.ofDays(30));
    X509Certificate a = certificate("a", NOW, notAfter);
    X509Certificate b = certificate("b", NOW, notAfter);
    X509Certificate c = certificate("c", NOW, notAfter);
    check.problem(chain(a));
    check.problem(chain(b));
    check.problem(chain(a));
    check.problem(chain(c));
    assertEquals(3, trust.validations);
    check.problem(chain(a));
    assertEquals(3, trust.validations, "a was used after b");
    check.problem(chain(b));
    assertEquals(4, trust.validations, "b was forgotten");
  }

  @Test
  void aChainOfNothingIsSaidWithoutValidation() {
    ChainCheck check = new ChainCheck(trust, clock, ChainCheck.KEPT);
    assertEquals(Optional.of("the server sent no certificate"), check.problem(new X509Certificate[0]));
    assertEquals(0, trust.validations);
  }

  private static X509Certificate[] chain(X509Certificate leaf) {
    return new X509Certificate[] {leaf};
  }

  private static X509Certificate certificate(String name, Instant notBefore, Instant notAfter) throws Exception {
    return SelfSigned.create(name, notBefore, notAfter).certificate();
  }

  private static X509Certificate reparsed(X509Certificate certificate) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(certificate.getEncoded()));
  }

  /** Trusts one certificate, judges validity by the test's clock, and counts the validations. */
  private final class CountingTrust implements X509TrustManager {

    private X509Certificate trusted;
    private int validations;

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      validations++;
      if (clock.now.isAfter(chain[0].getNotAfter().toInstant())) {
        throw new CertificateException("validity check failed", new CertificateExpiredException());
      }
      if (!chain[0].equals(trusted)) {
        throw new CertificateException("no trusted root");
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("a scan judges servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  private static final class MovingClock extends Clock {

    private Instant now = NOW;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the test's clock is UTC");
    }
  }
}
