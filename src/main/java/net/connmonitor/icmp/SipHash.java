package net.connmonitor.icmp;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed hash with a 128-bit key and a 64-bit output, made for short
 * inputs, where it is as strong as a MAC needs to be and costs a few dozen additions, rotations and xors. Pure and
 * immutable: safe on any thread.
 */
final class SipHash {

  /** Compression rounds per 8-byte word, and finalisation rounds: the "2-4". */
  private static final int C_ROUNDS = 2;
  private static final int D_ROUNDS = 4;

  private final long k0;
  private final long k1;

  /** @param key 16 bytes: the two key words, little-endian, as the reference takes them */
  SipHash(byte[] key) {
    if (key.length != 16) {
      throw new IllegalArgumentException("a SipHash key has 16 bytes, not " + key.length);
    }
    k0 = littleEndian(key, 0, 8);
    k1 = littleEndian(key, 8, 8);
  }

  /** The hash of {@code length} bytes of {@code message} from {@code offset}. */
  long hash(byte[] message, int offset, int length) {
    long v0 = k0 ^ 0x736f6d6570736575L;
    long v1 = k1 ^ 0x646f72616e646f6dL;
    long v2 = k0 ^ 0x6c7967656e657261L;
    long v3 = k1 ^ 0x7465646279746573L;
    int words = length / 8;
    // The whole words, then the last one (the rest of the message and its length in the top byte), then the
    // finalisation, which mixes a zero word with more rounds.
    for (int word = 0; word <= words + 1; word++) {
      boolean finishing = word == words + 1;
      long m;
      if (word < words) {
        m = littleEndian(message, offset + word * 8, 8);
      } else if (!finishing) {
        m = (long) length << 56 | littleEndian(message, offset + words * 8, length % 8);
      } else {
        m = 0;
        v2 ^= 0xff;
      }
      v3 ^= m;
      for (int round = 0; round < (finishing ? D_ROUNDS : C_ROUNDS); round++) {
        v0 += v1;
        v1 = Long.rotateLeft(v1, 13);
        v1 ^= v0;
        v0 = Long.rotateLeft(v0, 32);
        v2 += v3;
        v3 = Long.rotateLeft(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = Long.rotateLeft(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = Long.rotateLeft(v1, 17);
        v1 ^= v2;
        v2 = Long.rotateLeft(v2, 32);
      }
      v0 ^= m;
    }
    return v0 ^ v1 ^ v2 ^ v3;
  }

  /** Up to 8 bytes from {@code offset}, the first the lowest. */
  private static long littleEndian(byte[] bytes, int offset, int count) {
    long word = 0;
    for (int i = 0; i < count; i++) {
      word |= (bytes[offset + i] & 0xffL) << (8 * i);
    }
    return word;
  }
}
