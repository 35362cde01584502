package net.connmonitor.metrics;

import java.util.Locale;

/**
 * One family of per-host series: its name, type, unit and help. Each host has one series in it, or one per scan
 * service; a family that no host has measured yet is left out of a scrape.
 */
enum MetricFamily {

  PING_RTT("connmonitor_ping_rtt_seconds", Type.HISTOGRAM, "seconds",
      "Round-trip time of each echo reply of the ping bursts"),
  PING_REQUESTS("connmonitor_ping_requests", Type.COUNTER, null, "Echo requests sent by the ping bursts"),
  PING_REPLIES("connmonitor_ping_replies", Type.COUNTER, null, "Echo replies received in time by the ping bursts"),
  PING_SEND_ERRORS("connmonitor_ping_send_errors", Type.COUNTER, null,
      "Ping bursts whose requests could not be sent (no route, the socket refused them); no other series counts them"),
  PING_LAST_MIN("connmonitor_ping_last_min_seconds", Type.GAUGE, "seconds",
      "Shortest round-trip time of the last ping burst (NaN when every request was lost)"),
  PING_LAST_AVG("connmonitor_ping_last_avg_seconds", Type.GAUGE, "seconds",
      "Mean round-trip time of the last ping burst (NaN when every request was lost)"),
  PING_LAST_MAX("connmonitor_ping_last_max_seconds", Type.GAUGE, "seconds",
      "Longest round-trip time of the last ping burst (NaN when every request was lost)"),
  PING_LAST_STDDEV("connmonitor_ping_last_stddev_seconds", Type.GAUGE, "seconds",
      "Sample standard deviation of the round-trip times of the last ping burst (NaN when every request was lost)"),
  PING_LAST_LOSS("connmonitor_ping_last_loss_ratio", Type.GAUGE, "ratio",
      "Share of the echo requests of the last ping burst that got no reply in time, 0 to 1"),
  TRACE_HOPS("connmonitor_trace_hops", Type.GAUGE, null,
      "Hop number at which the known route ends, as the traces have shown it"),
  TRACE_ROUTE_CHANGES("connmonitor_trace_route_changes", Type.COUNTER, null,
      "Traces that changed the known route (each one is printed as a record)"),
  TRACE_LAST_TIMESTAMP("connmonitor_trace_last_timestamp_seconds", Type.GAUGE, "seconds",
      "When the last trace ended, printed or not, in seconds since the Unix epoch"),
  SCAN_UP("connmonitor_scan_up", Type.GAUGE, null,
      "Whether the service answered the last scan as it should: 1, or 0 (refused, silent or unintelligible)"),
  SCAN_RTT("connmonitor_scan_rtt_seconds", Type.GAUGE, "seconds",
      "Time from starting the connection to the first bytes of the answer, in the last scan (NaN when down)"),
  SCAN_HTTP_STATUS("connmonitor_scan_http_status_code", Type.GAUGE, null,
      "HTTP status code of the answer to the last scan's HEAD / (NaN when down)"),
  // The further probes' families (ProbeState holds their values).
  PING_REPLY_TTL("connmonitor_ping_reply_ttl", Type.GAUGE, null,
      "TTL (IPv4) or hop limit (IPv6) the last echo reply of the last ping burst arrived with (NaN when none came)"),
  TCP_PING_LAST_MIN("connmonitor_tcp_ping_last_min_seconds", Type.GAUGE, "seconds",
      "Shortest handshake round trip (SYN to SYN-ACK) of the last TCP ping burst to the port (NaN when none "
          + "completed)"),
  TCP_PING_LAST_AVG("connmonitor_tcp_ping_last_avg_seconds", Type.GAUGE, "seconds",
      "Mean handshake round trip (SYN to SYN-ACK) of the last TCP ping burst to the port (NaN when none completed)"),
  TCP_PING_LAST_MAX("connmonitor_tcp_ping_last_max_seconds", Type.GAUGE, "seconds",
      "Longest handshake round trip (SYN to SYN-ACK) of the last TCP ping burst to the port (NaN when none completed)"),
  TCP_PING_LAST_LOSS("connmonitor_tcp_ping_last_loss_ratio", Type.GAUGE, "ratio",
      "Share of the connections of the last TCP ping burst to the port that got no answer in time, 0 to 1"),
  TCP_PING_LAST_REFUSED("connmonitor_tcp_ping_last_refused", Type.GAUGE, null,
      "Connections of the last TCP ping burst to the port refused with a reset: the host is up, the port closed"),
  TLS_CERT_EXPIRY("connmonitor_tls_cert_expiry_timestamp_seconds", Type.GAUGE, "seconds",
      "When the chain shown to the last https scan stops being valid (the earliest expiry of its certificates), in "
          + "seconds since the Unix epoch"),
  TLS_VERIFIED("connmonitor_tls_verified", Type.GAUGE, null,
      "Whether the chain shown to the last https scan verifies against the system's trust store: 1, or 0"),
  // Per hop of the traces (HopState holds their values).
  TRACE_HOP_LOSS("connmonitor_trace_hop_loss_ratio", Type.GAUGE, "ratio",
      "Share of the last traces' probes with this hop limit that got no answer in time, 0 to 1"),
  TRACE_HOP_LAST("connmonitor_trace_hop_last_seconds", Type.GAUGE, "seconds",
      "Round-trip time of the last answer at this hop in the last traces (NaN when none answered)"),
  TRACE_HOP_AVG("connmonitor_trace_hop_avg_seconds", Type.GAUGE, "seconds",
      "Mean round-trip time of the answers at this hop in the last traces (NaN when none answered)"),
  TRACE_HOP_BEST("connmonitor_trace_hop_best_seconds", Type.GAUGE, "seconds",
      "Shortest round-trip time of the answers at this hop in the last traces (NaN when none answered)"),
  TRACE_HOP_WORST("connmonitor_trace_hop_worst_seconds", Type.GAUGE, "seconds",
      "Longest round-trip time of the answers at this hop in the last traces (NaN when none answered)"),
  TRACE_HOP_STDDEV("connmonitor_trace_hop_stddev_seconds", Type.GAUGE, "seconds",
      "Sample standard deviation of the round-trip times at this hop in the last traces (NaN when none answered)");

  enum Type {
    COUNTER, GAUGE, HISTOGRAM;

    String text() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  final String name;
  final Type type;
  /** Null for none; else the end of the name, as Prometheus's conventions want. */
  final String unit;
  final String help;

  MetricFamily(String name, Type type, String unit, String help) {
    this.name = name;
    this.type = type;
    this.unit = unit;
    this.help = help;
  }

  /** The name of its samples: a counter's end in {@code _total}. */
  String sampleName() {
    return type == Type.COUNTER ? name + "_total" : name;
  }
}
