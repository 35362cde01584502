package net.connmonitor.monitor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a reload asked for on {@link MonitorVerticle#RELOAD_ADDRESS} did: the reply to that message, as
 * {@link #toJson()}.
 *
 * @param result what happened
 * @param lines  what the monitor said of it on standard error, without the {@code EE:}/{@code II:} decoration: the
 *               notice of what was applied, or every error then the conclusion
 */
public record ReloadOutcome(Result result, List<String> lines) {

  public enum Result {
    /** The configuration was read and applied. */
    APPLIED,
    /** The file has errors; the running configuration stays. */
    INVALID,
    /** The configuration came from standard input, which cannot be read again; the running configuration stays. */
    NOT_A_FILE,
    /**
     * The process has no file descriptor left to read the file with: the running configuration stays and the
     * reload is tried again every second until the file can be read.
     */
    RETRYING,
    /** The file cannot be read: the monitor stops, with exit status 1. */
    UNREADABLE
  }

  public ReloadOutcome {
    lines = List.copyOf(lines);
  }

  /** {@code {"result": "APPLIED", "lines": ["…"]}} */
  public JsonObject toJson() {
    return new JsonObject().put("result", result.name()).put("lines", new JsonArray(lines));
  }

  public static ReloadOutcome fromJson(JsonObject json) {
    return new ReloadOutcome(Result.valueOf(json.getString("result")),
        json.getJsonArray("lines").stream().map(String.class::cast).toList());
  }
}
