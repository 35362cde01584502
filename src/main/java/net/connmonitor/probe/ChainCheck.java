package net.connmonitor.probe;

import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Judges a server's certificate chain as a browser's TLS client would, against the system's trust store (the Java
 * runtime's {@code cacerts}, which Debian's and Red Hat's packages make from the system's CA certificates), and says
 * in a few words why one does not verify. The scan itself trusts every chain: it asks whether TLS answers; this
 * judgement is a fact it reports. The host name is not judged: a scan of an address has none.
 *
 * <p>A judgement (a PKIX validation, up to milliseconds of CPU on the scan's event loop) is kept for the chain, so
 * that the scans of a server whose chain did not change run none. It stands until a certificate of the chain starts
 * or stops being valid, when it may turn, and at most {@link #LONGEST}; the least recently used of more than
 * {@link #KEPT} chains is forgotten.
 */
final class ChainCheck {

  /**
   * Chains whose judgement is kept, for as many https servers as a large monitor scans: a few hundred bytes each
   * (some 5 MB when full), where keeping the certificates themselves would take kilobytes.
   */
  static final int KEPT = 16_384;
  /**
   * How long a judgement stands at the most: the root that the system trusts need not be in the chain, and its own
   * validity may turn the judgement too.
   */
  static final Duration LONGEST = Duration.ofHours(1);


  /**
   * @param notVerified why the chain does not verify, empty when it does
   * @param until       when it must be judged again
   */
  private record Judgement(Optional<String> notVerified, Instant until) {
  }

  private final X509TrustManager trust;
  private final Clock clock;
  private final Map<ByteBuffer, Judgement> judged;

  ChainCheck(X509TrustManager trust, Clock clock, int kept) {
    this.trust = trust;
    this.clock = clock;
    this.judged = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Judgement> eldest) {
        return size() > kept;
      }
    };
  }

  /**
   * A check against the system's trust store, which this reads from disk: 50 to 110 ms in a fresh JVM (144 roots), for
   * a thread that may block to pay ({@link ScanClient} has a worker read it), not an event loop.
   */
  static ChainCheck ofSystem() {
    return new ChainCheck(systemTrust(), Clock.systemUTC(), KEPT);
  }

  /** The facts of a chain, leaf first, as the server sent it. */
  TlsFacts facts(String version, X509Certificate[] chain) {
    Instant expiry = Arrays.stream(chain).map(X509Certificate::getNotAfter).min(Comparator.naturalOrder())
        .map(Date::toInstant).orElse(Instant.EPOCH);
    return new TlsFacts(version, expiry, problem(chain));
  }

  /** Empty when the chain verifies, else why not. */
  Optional<String> problem(X509Certificate[] chain) {
    if (chain.length == 0) {
      return Optional.of("the server sent no certificate");
    }
    Instant now = clock.instant();
    ByteBuffer key = fingerprint(chain);
    synchronized (judged) {
      Judgement kept = judged.get(key);
      if (kept != null && now.isBefore(kept.until())) {
        return kept.notVerified();
      }
    }
    // Outside the lock: the scans of other event loops do not wait for this one's validation.
    Judgement fresh = new Judgement(judge(chain), until(chain, now));
    synchronized (judged) {
      judged.put(key, fresh);
    }
    return fresh.notVerified();
  }

  private Optional<String> judge(X509Certificate[] chain) {
    try {
      // "UNKNOWN": the key exchange does not matter to whether the chain reaches a trusted root.
      trust.checkServerTrusted(chain, "UNKNOWN");
      return Optional.empty();
    } catch (CertificateException e) {
      return Optional.of(why(chain, e));
    }
  }

  /**
   * The next moment after {@code now} at which a certificate of the chain starts or stops being valid (valid from
   * its notBefore to its notAfter, both included, to the millisecond), and no later than {@link #LONGEST}.
   */
  private static Instant until(X509Certificate[] chain, Instant now) {
    Instant until = now.plus(LONGEST);
    for (X509Certificate certificate : chain) {
      Instant starts = certificate.getNotBefore().toInstant();
      Instant ends = certificate.getNotAfter().toInstant().plusMillis(1);
      if (starts.isAfter(now) && starts.isBefore(until)) {
        until = starts;
      }
      if (ends.isAfter(now) && ends.isBefore(until)) {
        until = ends;
      }
    }
    return until;
  }

  /** The SHA-256 of the chain's encoded certificates: what tells one chain from another, in 32 bytes. */
  private static ByteBuffer fingerprint(X509Certificate[] chain) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (X509Certificate certificate : chain) {
        digest.update(certificate.getEncoded());
      }
      return ByteBuffer.wrap(digest.digest());
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      // Every Java runtime has SHA-256, and a certificate parsed from the handshake has its encoding.
      throw new IllegalStateException(e);
    }
  }

  private static String why(X509Certificate[] chain, CertificateException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateExpiredException) {
        return "a certificate of the chain has expired";
      }
      if (cause instanceof CertificateNotYetValidException) {
        return "a certificate of the chain is not valid yet";
      }
    }
    X509Certificate last = chain[chain.length - 1];
    if (last.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
      return (chain.length == 1 ? "self-signed certificate" : "the chain ends in a root") + " ("
          + last.getSubjectX500Principal().getName() + ") that the system does not trust";
    }
    return "no trusted root issued the chain (it ends at " + last.getIssuerX500Principal().getName() + ")";
  }

  private static X509TrustManager systemTrust() {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("the Java runtime offers no X.509 trust manager");
    } catch (NoSuchAlgorithmException | KeyStoreException e) {
      throw new IllegalStateException("the Java runtime cannot read its trust store: " + e.getMessage(), e);
    }
  }
}
