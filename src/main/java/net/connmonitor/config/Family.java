package net.connmonitor.config;

import java.net.Inet4Address;
import java.net.InetAddress;

/** Which address of a name that resolves to both a host is measured at ({@code family=4|6}). */
public enum Family {
  /** The system's preference, as resolved: IPv4 when a name has both. */
  ANY,
  V4,
  V6;

  /** Whether {@code address} is of this family. */
  public boolean admits(InetAddress address) {
    return this == ANY || (this == V4) == (address instanceof Inet4Address);
  }

  /** The value as written: {@code 4} or {@code 6}; none for {@link #ANY}. */
  String written() {
    return this == V4 ? "4" : this == V6 ? "6" : "";
  }

  static Family written(String value) {
    return switch (value) {
      case "4" -> V4;
      case "6" -> V6;
      default -> ANY;
    };
  }
}
