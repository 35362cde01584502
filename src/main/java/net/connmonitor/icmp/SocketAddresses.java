package net.connmonitor.icmp;

import io.netty.util.collection.IntObjectMap;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** {@code struct sockaddr_in} and {@code sockaddr_in6} in native memory, to and from {@link InetAddress}. */
final class SocketAddresses {

  private SocketAddresses() {
  }

  /**
   * Writes {@code address} (port 0), whose bytes are {@code bytes}, at {@code offset}; {@code host} is in machine
   * order, {@code network} in network order, over the same memory.
   *
   * @return the sockaddr's length
   */
  static int write(ByteBuffer host, ByteBuffer network, int offset, InetAddress address, byte[] bytes,
      IcmpFamily family) {
    host.putShort(offset, (short) family.addressFamily);
    network.putShort(offset + 2, (short) 0);
    if (family == IcmpFamily.V4) {
      network.put(offset + 4, bytes);
      network.putLong(offset + 8, 0);
    } else {
      network.putInt(offset + 4, 0);
      network.put(offset + 8, bytes);
      // A link-local destination (fe80::1%eth0) only leaves through the interface its scope names.
      host.putInt(offset + 24, address instanceof Inet6Address v6 ? v6.getScopeId() : 0);
    }
    return family.sockaddrLength;
  }

  /** The address in the sockaddr at {@code offset}, or null when it is not of {@code family}. */
  static InetAddress read(ByteBuffer host, int offset, IcmpFamily family) {
    if ((host.getShort(offset) & 0xffff) != family.addressFamily) {
      return null;
    }
    return address(host, offset, family);
  }

  /**
   * As {@link #read(ByteBuffer, int, IcmpFamily)}, but an IPv4 address read before is the same object again, from
   * {@code seen}: the sources of a socket's answers are the few addresses it sends to, and reading each answer's
   * anew would allocate for every one. {@code seen} is emptied when it outgrows {@code limit}, so that a flood of
   * forged sources costs bounded memory.
   */
  static InetAddress read(ByteBuffer host, int offset, IcmpFamily family, IntObjectMap<InetAddress> seen, int limit) {
    if ((host.getShort(offset) & 0xffff) != family.addressFamily) {
      return null;
    }
    if (family != IcmpFamily.V4) {
      return address(host, offset, family);
    }
    int key = spread(host.getInt(offset + 4));
    InetAddress known = seen.get(key);
    if (known == null) {
      if (seen.size() >= limit) {
        seen.clear();
      }
      known = address(host, offset, family);
      seen.put(key, known);
    }
    return known;
  }

  /**
   * The map indexes by a key's low bits, which for an address in machine order are its first byte (127 for every
   * loopback address): MurmurHash3's finaliser, one-to-one, mixes every byte into them.
   */
  private static int spread(int address) {
    int h = address;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ h >>> 16;
  }

  private static InetAddress address(ByteBuffer host, int offset, IcmpFamily family) {
    byte[] bytes = new byte[family.addressBytes()];
    host.get(offset + (family == IcmpFamily.V4 ? 4 : 8), bytes);
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException impossible) {
      throw new AssertionError("a 4- or 16-byte address is always valid", impossible);
    }
  }
}
