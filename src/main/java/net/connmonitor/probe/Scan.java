package net.connmonitor.probe;

import java.util.Optional;

/**
 * A service scan: what answered on the HTTP, HTTPS and MySQL ports; empty for a refused, silent or unintelligible
 * one.
 */
public record Scan(Optional<HttpAnswer> http, Optional<HttpAnswer> https, Optional<MysqlAnswer> mysql)
    implements Measurement {

  @Override
  public String kind() {
    return "scan";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.scan(this);
  }
}
