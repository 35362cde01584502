package net.connmonitor.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.MysqlAnswer;
import net.connmonitor.probe.TraceStep;

/**
 * The page's JSON: the overview's rows and a host's page. Times are milliseconds since the Unix epoch, round trips
 * milliseconds, loss percent; a figure that does not exist (no reply, no burst) is null.
 */
final class ViewJson {

  /** Quantile names of a series, lowest to highest, as the page's script reads them. */
  private static final List<String> QUANTILES = List.of("lo", "q1", "median", "q3", "hi");

  private ViewJson() {
  }

  /**
   * @param rows    the page of hosts, each with its small graph (null for a host without pings)
   * @param total   hosts known
   * @param matched hosts the filter matched
   */
  static JsonObject overview(long nowMs, int total, int matched, OverviewQuery query,
      List<HostHistory.Summary> rows, List<Series> sparks) {
    JsonArray array = new JsonArray();
    for (int i = 0; i < rows.size(); i++) {
      array.add(summary(rows.get(i)).put("spark", sparks.get(i) == null ? null : spark(sparks.get(i))));
    }
    return new JsonObject().put("now", nowMs).put("total", total).put("matched", matched)
        .put("offset", query.offset()).put("limit", query.limit()).put("rows", array);
  }

  static JsonObject host(long nowMs, HostHistory.Detail detail) {
    JsonArray routes = new JsonArray();
    for (RouteHistory.Route route : detail.routes()) {
      JsonArray hops = new JsonArray();
      for (TraceStep step : route.trace().steps()) {
        hops.add(step.answered() ? new JsonObject().put("addr", step.address()).put("rttMs", step.rttMs()) : null);
      }
      routes.add(new JsonObject().put("atMs", route.atMs()).put("change", route.change()).put("hops", hops));
    }
    JsonArray scans = new JsonArray();
    for (ScanHistory.Scanned scanned : detail.scans()) {
      scans.add(new JsonObject().put("atMs", scanned.atMs())
          .put("http", http(scanned.scan().http()))
          .put("https", http(scanned.scan().https()))
          .put("mysql", mysql(scanned.scan().mysql())));
    }
    return summary(detail.summary()).put("now", nowMs)
        .put("fine", detail.fine() == null ? null : series(detail.fine()))
        .put("coarse", detail.coarse() == null ? null : series(detail.coarse()))
        .put("routes", routes).put("scans", scans);
  }

  private static JsonObject summary(HostHistory.Summary summary) {
    var target = summary.host().target();
    JsonObject labels = new JsonObject();
    target.labels().forEach(labels::put);
    ScanHistory.Scanned scan = summary.lastScan();
    return new JsonObject().put("id", summary.host().id()).put("name", target.name())
        .put("addr", target.address()).put("labels", labels)
        .put("vantage", summary.host().vantage().orElse(null))
        .put("lossPct", number(summary.recent().lossPct()))
        .put("medianMs", number(summary.recent().medianMs()))
        .put("spreadMs", number(summary.recent().spreadMs()))
        .put("bursts", summary.recent().bursts())
        .put("routeChanges", summary.routeChanges())
        .put("lastChangeMs", summary.lastChangeMs() == 0 ? null : summary.lastChangeMs())
        .put("scan", scan == null ? null : new JsonObject().put("atMs", scan.atMs()).put("up", scan.up())
            .put("http", scan.scan().http().isPresent()).put("https", scan.scan().https().isPresent())
            .put("mysql", scan.scan().mysql().isPresent()))
        .put("updatedMs", summary.updatedMs());
  }

  private static JsonObject spark(Series series) {
    JsonArray median = new JsonArray();
    JsonArray loss = new JsonArray();
    for (int point = 0; point < series.points(); point++) {
      median.add(number(series.rtt(point, 2)));
      loss.add(number(series.loss(point)));
    }
    return new JsonObject().put("startMs", series.startMs()).put("stepMs", series.stepMs())
        .put("median", median).put("loss", loss);
  }

  private static JsonObject series(Series series) {
    JsonObject json = new JsonObject().put("startMs", series.startMs()).put("stepMs", series.stepMs());
    for (int which = 0; which < QUANTILES.size(); which++) {
      JsonArray values = new JsonArray();
      for (int point = 0; point < series.points(); point++) {
        values.add(number(series.rtt(point, which)));
      }
      json.put(QUANTILES.get(which), values);
    }
    JsonArray loss = new JsonArray();
    JsonArray bursts = new JsonArray();
    for (int point = 0; point < series.points(); point++) {
      loss.add(number(series.loss(point)));
      bursts.add(series.bursts(point));
    }
    return json.put("loss", loss).put("bursts", bursts);
  }

  private static JsonObject http(Optional<HttpAnswer> answer) {
    return answer.map(a -> new JsonObject().put("rttMs", a.rttMs()).put("code", a.responseCode())
        .put("server", a.server())).orElse(null);
  }

  private static JsonObject mysql(Optional<MysqlAnswer> answer) {
    return answer.map(a -> new JsonObject().put("rttMs", a.rttMs()).put("version", a.version())).orElse(null);
  }

  /** A float as its shortest decimal (not the long tail of its double), NaN as null: JSON has no NaN. */
  private static Double number(float value) {
    return Float.isNaN(value) ? null : Double.valueOf(Float.toString(value));
  }

  private static Double number(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
