package net.connmonitor.cluster;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import org.jgroups.JChannel;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.SYM_ENCRYPT;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;

/**
 * The membership protocol's stack, Infinispan's TCP stack made for a few monitors at known addresses: no multicast
 * (the members are the cluster file's {@code join=}), failure detection in seconds, partitions merged in seconds, and
 * every message above discovery and failure detection encrypted and authenticated with the cluster's key, so that a
 * node without the key never becomes a member.
 */
final class JGroupsStack {

  /** How far failure detection's own port (a TCP connection per neighbour: its loss is a crash) is from listen=. */
  static final int FAILURE_DETECTION_PORT_OFFSET = 2;
  /** A member silent this long is suspected, then removed once VERIFY_SUSPECT2 has checked: a cut link in ~6 s. */
  private static final long HEARTBEAT_TIMEOUT_MS = 5000;
  private static final long HEARTBEAT_INTERVAL_MS = 1000;
  private static final long SUSPECT_CHECK_MS = 1000;
  /** How often the sides of a partition look for each other: a healed one merges within a few of these. */
  private static final long MERGE_MIN_INTERVAL_MS = 1000;
  private static final long MERGE_MAX_INTERVAL_MS = 3000;
  private static final long JOIN_TIMEOUT_MS = 2000;

  private JGroupsStack() {
  }

  static JChannel channel(ClusterFile file, SecretKey key) throws Exception {
    InetAddress bind = InetAddress.getByName(file.listen().host());
    List<Protocol> stack = new ArrayList<>();
    stack.add(new TCP().setBindAddress(bind).setBindPort(file.listen().port()).setPortRange(0));
    stack.add(new TCPPING().setInitialHosts(initialHosts(file)).setPortRange(0));
    stack.add(new MERGE3().setMinInterval(MERGE_MIN_INTERVAL_MS).setMaxInterval(MERGE_MAX_INTERVAL_MS));
    // Bound to listen=, or it binds to an address of its own choosing and a kill -9 is seen after 36 s, not 2.
    stack.add(new FD_SOCK2().setBindAddress(bind).setOffset(FAILURE_DETECTION_PORT_OFFSET).setPortRange(0));
    stack.add(new FD_ALL3().setTimeout(HEARTBEAT_TIMEOUT_MS).setInterval(HEARTBEAT_INTERVAL_MS));
    stack.add(new VERIFY_SUSPECT2().setTimeout(SUSPECT_CHECK_MS));
    // Below the reliable delivery and the group membership: a message that does not decrypt with the key never
    // reaches them, so a node without the key cannot join, read or send anything the members act on.
    stack.add(new SYM_ENCRYPT().setSecretKey(key));
    stack.add(new NAKACK2());
    stack.add(new UNICAST3());
    stack.add(new STABLE());
    // Quiet: the monitor's standard output carries records only.
    stack.add(new GMS().setJoinTimeout(JOIN_TIMEOUT_MS).printLocalAddress(false));
    stack.add(new UFC());
    stack.add(new MFC());
    stack.add(new FRAG4());
    return new JChannel(stack);
  }

  private static List<InetSocketAddress> initialHosts(ClusterFile file) throws UnknownHostException {
    List<InetSocketAddress> hosts = new ArrayList<>();
    for (NodeAddress member : file.join()) {
      hosts.add(new InetSocketAddress(InetAddress.getByName(member.host()), member.port()));
    }
    return hosts;
  }
}
