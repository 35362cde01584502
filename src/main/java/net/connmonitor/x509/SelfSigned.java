package net.connmonitor.x509;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;

/**
 * An EC P-256 key pair and a self-signed certificate of it, made in memory with the JDK's public API alone: nothing
 * written to disk, no other library, the same on every Java from 17 on. (Netty's SelfSignedCertificate writes both to
 * temporary files and, without BouncyCastle, runs keytool as a child process or reaches into JDK-internal classes.)
 * An EC key signed with ECDSA, as many servers have: made in a millisecond, where an RSA key takes a hundred.
 *
 * @param pair        the key pair
 * @param certificate the certificate of its public key, signed with its private key
 */
public record SelfSigned(KeyPair pair, X509Certificate certificate) {

  private static final String EC_P256 = "secp256r1";
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";

  /** A new key pair, certified for {@code CN=commonName} from {@code notBefore} to {@code notAfter}. */
  public static SelfSigned create(String commonName, Instant notBefore, Instant notAfter)
      throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(EC_P256));
    KeyPair pair = generator.generateKeyPair();
    byte[] algorithm = Der.sequence(Der.objectIdentifier(ECDSA_WITH_SHA256));
    byte[] name = Der.sequence(Der.set(Der.sequence(Der.objectIdentifier(COMMON_NAME), Der.utf8String(commonName))));
    // An X.509 version 1 certificate: no extensions, so the version field is left out.
    byte[] toBeSigned = Der.sequence(
        Der.integer(new BigInteger(63, new SecureRandom())),
        algorithm,
        name,
        Der.sequence(Der.time(notBefore), Der.time(notAfter)),
        name,
        pair.getPublic().getEncoded());
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(pair.getPrivate());
    signer.update(toBeSigned);
    byte[] encoded = Der.sequence(toBeSigned, algorithm, Der.bitString(signer.sign()));
    X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(encoded));
    return new SelfSigned(pair, certificate);
  }
}
