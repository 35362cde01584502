package net.connmonitor.icmp;

import com.sun.jna.LastErrorException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.connmonitor.os.LibC;

/**
 * Opens the file descriptor of an ICMP socket: raw when the process has CAP_NET_RAW, else an unprivileged ping
 * socket. Netty has no ICMP channel, but its epoll datagram channel accepts a descriptor made here.
 */
final class IcmpSocketOpener {

  record OpenedSocket(int fd, SocketKind kind) {
  }

  private static final Path PING_GROUP_RANGE = Path.of("/proc/sys/net/ipv4/ping_group_range");
  private static final int EPERM = 1;
  private static final int EACCES = 13;

  private IcmpSocketOpener() {
  }

  static OpenedSocket open(IcmpFamily family) throws IcmpUnavailableException {
    // Without SOCK_NONBLOCK the event loop would block in recvmsg.
    int flags = LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC;
    LastErrorException rawError;
    try {
      return new OpenedSocket(
          LibC.INSTANCE.socket(family.addressFamily, LibC.SOCK_RAW | flags, family.protocol), SocketKind.RAW);
    } catch (LastErrorException e) {
      rawError = e;
    }
    if (!isPermissionError(rawError)) {
      throw new IcmpUnavailableException(
          "cannot open a raw " + family + " ICMP socket: " + describe(rawError));
    }
    try {
      return new OpenedSocket(
          LibC.INSTANCE.socket(family.addressFamily, LibC.SOCK_DGRAM | flags, family.protocol), SocketKind.PING);
    } catch (LastErrorException pingError) {
      throw new IcmpUnavailableException("cannot open an " + family + " ICMP socket: a raw socket needs CAP_NET_RAW ("
          + describe(rawError) + ") and an unprivileged ping socket needs the process's group inside "
          + "net.ipv4.ping_group_range, now \"" + pingGroupRange() + "\" (" + describe(pingError) + ")");
    }
  }

  static void close(int fd) {
    try {
      LibC.INSTANCE.close(fd);
    } catch (LastErrorException ignored) {
      // Only reached when the channel never took ownership of the descriptor; nothing more can be done.
    }
  }

  private static boolean isPermissionError(LastErrorException e) {
    return e.getErrorCode() == EPERM || e.getErrorCode() == EACCES;
  }

  /** JNA's message is "[13] Permission denied"; keep the words. */
  private static String describe(LastErrorException e) {
    String message = e.getMessage();
    int end = message.indexOf("] ");
    return end >= 0 ? message.substring(end + 2) : message;
  }

  private static String pingGroupRange() {
    // Files.readString returns only "1" of this file's "1\t0"; a line reader gets all of it.
    try (BufferedReader reader = Files.newBufferedReader(PING_GROUP_RANGE)) {
      return String.valueOf(reader.readLine()).trim().replaceAll("\\s+", " ");
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
