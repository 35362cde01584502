package net.connmonitor.monitor;

import io.netty.resolver.HostsFileEntriesProvider;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.connmonitor.config.FamilyChoice;

/**
 * The system's hosts file, which is asked before any name server, as the system's resolver does. Read again at every
 * look-up, so that an edit is seen at the next one; its lines carry no TTL.
 */
final class HostsFile {

  private HostsFile() {
  }

  /** A name's addresses in the hosts file, IPv4 ones first, each in the file's order; none when it is not there. */
  static List<InetAddress> addresses(String host, FamilyChoice family) {
    HostsFileEntriesProvider entries = HostsFileEntriesProvider.parser().parseSilently();
    String name = host.toLowerCase(Locale.ROOT);
    List<InetAddress> found = new ArrayList<>();
    if (family != FamilyChoice.V6) {
      found.addAll(entries.ipv4Entries().getOrDefault(name, List.of()));
    }
    if (family != FamilyChoice.V4) {
      found.addAll(entries.ipv6Entries().getOrDefault(name, List.of()));
    }
    return found;
  }
}
