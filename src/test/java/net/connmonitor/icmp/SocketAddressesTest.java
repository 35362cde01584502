package net.connmonitor.icmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class SocketAddressesTest {

  private final NativeBuffer memory = new NativeBuffer(64);
  private final IntObjectMap<InetAddress> seen = new IntObjectHashMap<>();

  @Test
  void anIpv4SourceReadAgainIsTheSameObject() throws UnknownHostException {
    InetAddress first = read(InetAddress.getByName("127.0.1.7"), 16);
    assertEquals(InetAddress.getByName("127.0.1.7"), first);
    assertSame(first, read(InetAddress.getByName("127.0.1.7"), 16));
    assertNotSame(first, read(InetAddress.getByName("127.0.2.7"), 16));
  }

  @Test
  void theAddressesKeptStayWithinTheLimit() throws UnknownHostException {
    for (int i = 0; i < 10; i++) {
      read(InetAddress.getByName("198.18.0." + i), 4);
      assertTrue(seen.size() <= 4, seen.size() + " kept");
    }
  }

  @Test
  void anIpv6SourceIsReadAsItIs() throws UnknownHostException {
    InetAddress address = InetAddress.getByName("2001:db8::7");
    SocketAddresses.write(memory.host, memory.network, 0, address, address.getAddress(), IcmpFamily.V6);
    assertEquals(address, SocketAddresses.read(memory.host, 0, IcmpFamily.V6, seen, 16));
    assertEquals(0, seen.size());
  }

  private InetAddress read(InetAddress address, int limit) {
    SocketAddresses.write(memory.host, memory.network, 0, address, address.getAddress(), IcmpFamily.V4);
    return SocketAddresses.read(memory.host, 0, IcmpFamily.V4, seen, limit);
  }
}
