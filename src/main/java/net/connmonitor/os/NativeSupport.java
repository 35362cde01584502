package net.connmonitor.os;

import com.sun.jna.Platform;
import io.netty.util.internal.PlatformDependent;
import io.vertx.core.transport.Transport;
import java.util.Optional;

/**
 * Whether the native code the monitor needs runs on this machine: Netty's epoll transport and JNA, each a library
 * per architecture inside the jar.
 */
public final class NativeSupport {

  /** The architectures the runnable jar carries both libraries for (pom.xml: the epoll classifiers, JNA's filter). */
  static final String CARRIED = "x86-64, aarch64 and riscv64";

  private NativeSupport() {
  }

  /** @return empty when the monitor can run here, else why not, in one sentence */
  public static Optional<String> problem() {
    if (!carried(epollLibrary()) || !carried(jnaLibrary())) {
      return Optional.of("this machine's architecture, " + System.getProperty("os.arch")
          + ", has no native library in connmonitor's jar (it has them for " + CARRIED + ")");
    }
    if (!Transport.EPOLL.available()) {
      return Optional.of("Netty's epoll transport is unavailable (" + Transport.EPOLL.unavailabilityCause() + ")");
    }
    return Optional.empty();
  }

  /** Where Netty looks for its epoll library for this architecture. */
  static String epollLibrary() {
    return "META-INF/native/libnetty_transport_native_epoll_" + PlatformDependent.normalizedArch() + ".so";
  }

  /** Where JNA looks for its library for this system and architecture. */
  static String jnaLibrary() {
    return "com/sun/jna/" + Platform.RESOURCE_PREFIX + "/libjnidispatch.so";
  }

  private static boolean carried(String resource) {
    return NativeSupport.class.getClassLoader().getResource(resource) != null;
  }
}
