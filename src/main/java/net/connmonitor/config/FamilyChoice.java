package net.connmonitor.config;

import java.net.Inet4Address;
import java.net.InetAddress;

/** Which address of a name that resolves to both a host is measured at ({@code family=4|6|both}). */
public enum FamilyChoice {
  /** The system's preference, as resolved: IPv4 when a name has both. */
  ANY,
  V4,
  V6,
  /** Each: the line is measured as two hosts, one per family ({@link HostConfig#perFamily()}). */
  BOTH;

  /** Whether {@code address} is of this family. */
  public boolean admits(InetAddress address) {
    return this == ANY || this == BOTH || (this == V4) == (address instanceof Inet4Address);
  }

  /** The value as written: {@code 4}, {@code 6} or {@code both}; none for {@link #ANY}. */
  String written() {
    return switch (this) {
      case V4 -> "4";
      case V6 -> "6";
      case BOTH -> "both";
      case ANY -> "";
    };
  }

  static FamilyChoice written(String value) {
    return switch (value) {
      case "4" -> V4;
      case "6" -> V6;
      case "both" -> BOTH;
      default -> ANY;
    };
  }
}
