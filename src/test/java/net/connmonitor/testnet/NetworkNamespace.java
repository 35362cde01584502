package net.connmonitor.testnet;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.concurrent.ThreadFactory;

/**
 * Threads that live in a network namespace of the test network: every socket such a thread opens belongs to that
 * namespace, while the rest of the test JVM stays in the machine's own. A Netty event loop made with
 * {@link #threads(String)} opens its ICMP sockets there.
 */
public final class NetworkNamespace {

  private static final int O_RDONLY = 0;
  private static final int CLONE_NEWNET = 0x40000000;

  private interface Calls extends Library {
    Calls C = Native.load("c", Calls.class);

    int open(String path, int flags);

    int setns(int fd, int type);

    int close(int fd);
  }

  private NetworkNamespace() {
  }

  /** Threads that enter {@code /run/netns/NAME} before they run anything. */
  public static ThreadFactory threads(String name) {
    return task -> new Thread(() -> {
      enter(name);
      task.run();
    }, "in-" + name);
  }

  private static void enter(String name) {
    int fd = Calls.C.open("/run/netns/" + name, O_RDONLY);
    if (fd < 0 || Calls.C.setns(fd, CLONE_NEWNET) != 0) {
      throw new IllegalStateException("cannot enter the network namespace " + name + " (errno " + Native.getLastError()
          + ")");
    }
    Calls.C.close(fd);
  }
}
