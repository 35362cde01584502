package net.connmonitor.probe;

import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.KeyStoreException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Judges a server's certificate chain as a browser's TLS client would, against the system's trust store (the Java
 * runtime's {@code cacerts}, which Debian's and Red Hat's packages make from the system's CA certificates), and says
 * in a few words why one does not verify. The scan itself trusts every chain: it asks whether TLS answers; this
 * judgement is a fact it reports. The host name is not judged: a scan of an address has none.
 */
final class ChainCheck {

  private static final X509TrustManager SYSTEM = systemTrust();

  private ChainCheck() {
  }

  /** The facts of a chain, leaf first, as the server sent it. */
  static TlsFacts facts(String version, X509Certificate[] chain) {
    Instant expiry = Arrays.stream(chain).map(X509Certificate::getNotAfter).min(Comparator.naturalOrder())
        .map(java.util.Date::toInstant).orElse(Instant.EPOCH);
    return new TlsFacts(version, expiry, problem(chain));
  }

  /** Empty when the chain verifies, else why not. */
  static Optional<String> problem(X509Certificate[] chain) {
    if (chain.length == 0) {
      return Optional.of("the server sent no certificate");
    }
    try {
      // "UNKNOWN": the key exchange does not matter to whether the chain reaches a trusted root.
      SYSTEM.checkServerTrusted(chain, "UNKNOWN");
      return Optional.empty();
    } catch (CertificateException e) {
      return Optional.of(why(chain, e));
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
