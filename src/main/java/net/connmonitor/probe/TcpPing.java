package net.connmonitor.probe;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** A burst of TCP handshakes to each of a host's {@code tcp=} ports: per port, ascending, what it answered. */
public record TcpPing(SortedMap<Integer, TcpPortStats> ports) implements Measurement {

  public TcpPing {
    ports = Collections.unmodifiableSortedMap(new TreeMap<>(ports));
  }

  @Override
  public String kind() {
    return "tcp";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.tcp(this);
  }
}
