package net.connmonitor.cluster;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PfxOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import net.connmonitor.x509.SelfSigned;

/**
 * The cluster's key material, one PKCS#12 file that every node has a copy of: an AES key that encrypts and
 * authenticates the membership protocol (a node without it is not let in), and a key pair with its self-signed
 * certificate for the event bus's TLS (each node shows it and trusts nothing else). The file's mode, 0600, is what
 * protects it: its password is a constant, as a password stored beside it would protect nothing more.
 */
public final class ClusterKey {

  static final String ENCRYPTION_ALIAS = "membership";
  static final String IDENTITY_ALIAS = "event-bus";
  private static final char[] PASSWORD = "connmonitor-cluster".toCharArray();
  private static final String STORE_TYPE = "PKCS12";
  private static final int AES_BITS = 256;
  /** A cluster's key is replaced by the operator, not by a calendar: no node should stop talking one day. */
  private static final Duration VALIDITY = Duration.ofDays(100 * 365);
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private final KeyStore store;

  private ClusterKey(KeyStore store) {
    this.store = store;
  }

  /** Thrown with a one-line reason, for the operator. */
  public static final class KeyFileException extends Exception {
    KeyFileException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Writes new key material to {@code path}, created with mode 0600; an existing file is never overwritten, so that
   * a cluster's key is not lost by a slip of the hand.
   */
  public static void make(Path path) throws KeyFileException {
    byte[] content;
    try {
      content = newStore();
    } catch (GeneralSecurityException | IOException e) {
      throw new KeyFileException("cannot make key material (" + e.getMessage() + ")");
    }
    try {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(path, content);
    } catch (FileAlreadyExistsException e) {
      throw new KeyFileException(path + " exists already; remove it first to make a new cluster key");
    } catch (IOException e) {
      throw new KeyFileException("cannot write " + path + " (" + e.getMessage() + ")");
    }
  }

  /** Reads key material, refusing a file that its group or others may read or write. */
  public static ClusterKey load(Path path) throws KeyFileException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
        throw new KeyFileException(path + " is readable or writable by others (mode "
            + PosixFilePermissions.toString(permissions) + "); expected only its owner to have access: chmod 600 "
            + path);
      }
      byte[] bytes = Files.readAllBytes(path);
      KeyStore store = KeyStore.getInstance(STORE_TYPE);
      store.load(new ByteArrayInputStream(bytes), PASSWORD);
      if (!store.isKeyEntry(ENCRYPTION_ALIAS) || !store.isKeyEntry(IDENTITY_ALIAS)) {
        throw new KeyFileException(path + " is not a cluster key; expected one made by connmonitor "
            + "--make-cluster-key");
      }
      return new ClusterKey(store);
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyFileException("cannot read the cluster key " + path + " (" + e.getMessage() + ")");
    }
  }

  /** The key that encrypts the membership protocol's messages. */
  SecretKey encryptionKey() throws GeneralSecurityException {
    return (SecretKey) store.getKey(ENCRYPTION_ALIAS, PASSWORD);
  }

  /**
   * The event bus's key and certificate, the same on every node. As PKCS#12 bytes, not a key manager: Vert.x copies
   * the event bus's options through their JSON form, which keeps only PKCS#12, JKS and PEM options.
   */
  PfxOptions eventBusIdentity() throws GeneralSecurityException, IOException {
    KeyStore identity = emptyStore();
    identity.setKeyEntry(IDENTITY_ALIAS, store.getKey(IDENTITY_ALIAS, PASSWORD), PASSWORD,
        store.getCertificateChain(IDENTITY_ALIAS));
    return storeOptions(identity);
  }

  /** What the event bus trusts: the cluster's certificate, and nothing else. */
  PfxOptions eventBusTrust() throws GeneralSecurityException, IOException {
    KeyStore trusted = emptyStore();
    trusted.setCertificateEntry(IDENTITY_ALIAS, store.getCertificate(IDENTITY_ALIAS));
    return storeOptions(trusted);
  }

  private static PfxOptions storeOptions(KeyStore store) throws GeneralSecurityException, IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    store.store(bytes, PASSWORD);
    return new PfxOptions().setValue(Buffer.buffer(bytes.toByteArray())).setPassword(new String(PASSWORD));
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(STORE_TYPE);
    store.load(null, null);
    return store;
  }

  private static byte[] newStore() throws GeneralSecurityException, IOException {
    KeyGenerator aes = KeyGenerator.getInstance("AES");
    aes.init(AES_BITS);
    SecretKey secret = aes.generateKey();
    Instant now = Instant.now();
    SelfSigned identity = SelfSigned.create("connmonitor cluster", now.minus(Duration.ofDays(1)), now.plus(VALIDITY));
    KeyStore store = emptyStore();
    KeyStore.ProtectionParameter protection = new KeyStore.PasswordProtection(PASSWORD);
    store.setEntry(ENCRYPTION_ALIAS, new KeyStore.SecretKeyEntry(secret), protection);
    store.setKeyEntry(IDENTITY_ALIAS, identity.pair().getPrivate(), PASSWORD,
        new Certificate[] {identity.certificate()});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, PASSWORD);
    return out.toByteArray();
  }
}
