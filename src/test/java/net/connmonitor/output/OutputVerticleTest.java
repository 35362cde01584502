package net.connmonitor.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.connmonitor.log.StderrCapture;
import net.connmonitor.probe.PingStats;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.RecordCodec;
import net.connmonitor.record.RecordSchema;
import net.connmonitor.record.Records;
import net.connmonitor.record.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class OutputVerticleTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final MonitorRecord LOCALHOST = new MonitorRecord(new Target("localhost", "127.0.0.1"),
      Instant.parse("2026-11-03T08:05:06.123456Z"), new PingStats(0.021, 0.034, 0.051, 0.012, 0));
  private static final MonitorRecord EXAMPLE = new MonitorRecord(new Target("example.net", "192.0.2.7"),
      Instant.parse("2026-11-03T08:05:05Z"), PingStats.ALL_LOST);

  private static final String LOCALHOST_PLAIN =
      "localhost 127.0.0.1\nTue Nov  3 09:05:06 2026\n0.021\t0.034\t0.051\t0.012\t0.000\n";
  private static final String EXAMPLE_JSON = "{\"addr\":\"192.0.2.7\",\"name\":\"example.net\","
      + "\"timestamp\":1793693105000.0,\"ping\":{\"min\":-1.0,\"avg\":-1.0,\"max\":-1.0,\"std\":-1.0,\"loss\":100.0}}\n";

  private StderrCapture stderr;

  @BeforeEach
  void captureStderr() {
    stderr = StderrCapture.start();
  }

  @AfterEach
  void restoreStderr() {
    stderr.close();
  }

  @Test
  void eachRecordIsPrintedWholeInItsHostsStyleAndFlushed(Vertx vertx, VertxTestContext test) {
    RecordingSink sink = new RecordingSink(0, events -> {
      if (String.join("", events).equals(LOCALHOST_PLAIN + "flush" + EXAMPLE_JSON + "flush")
          || String.join("", events).equals(LOCALHOST_PLAIN + EXAMPLE_JSON + "flush")) {
        test.verify(() -> RecordSchema.assertValid(EXAMPLE_JSON));
        test.completeNow();
      }
    });
    deploy(vertx, sink, test, bus -> {
      bus.publish(Records.ADDRESS, LOCALHOST, new OutputStyle(false, true).toDeliveryOptions());
      bus.publish(Records.ADDRESS, EXAMPLE, new OutputStyle(true, true).toDeliveryOptions());
    });
  }

  @Test
  void aRecordMarkedUnprintedIsNotPrinted(Vertx vertx, VertxTestContext test) {
    RecordingSink sink = new RecordingSink(0, events -> {
      if (String.join("", events).contains(EXAMPLE_JSON)) {
        test.verify(() -> assertFalse(String.join("", events).contains("localhost"), events.toString()));
        test.completeNow();
      }
    });
    deploy(vertx, sink, test, bus -> {
      bus.publish(Records.ADDRESS, LOCALHOST,
          new OutputStyle(false, true).toDeliveryOptions().addHeader(Records.HEADER_PRINTED, "false"));
      bus.publish(Records.ADDRESS, EXAMPLE, new OutputStyle(true, true).toDeliveryOptions());
    });
  }

  @Test
  void aMessageThatIsNoRecordIsReportedAndSkipped(Vertx vertx, VertxTestContext test) {
    RecordingSink sink = new RecordingSink(0, events -> {
      if (events.size() == 2) {
        test.verify(() -> {
          // Without headers a record is printed the default way: plain text with a timestamp.
          assertEquals(List.of(LOCALHOST_PLAIN, "flush"), events);
          assertEquals(List.of(
              "WW: skipped a message on connmonitor.records: a String, not a MonitorRecord -\t",
              "WW: skipped a message on connmonitor.records: a JsonObject, not a MonitorRecord -\t"),
              stderrWithoutTimes());
        });
        test.completeNow();
      }
    });
    deploy(vertx, sink, test, bus -> {
      bus.publish(Records.ADDRESS, "not a record");
      bus.publish(Records.ADDRESS, LOCALHOST.toJson());
      bus.publish(Records.ADDRESS, LOCALHOST);
    });
  }

  @Test
  void aFailingSinkIsReportedOnceAndRecordsKeepComing(Vertx vertx, VertxTestContext test) {
    RecordingSink sink = new RecordingSink(2, "No space left on device", events -> {
      if (events.size() == 2) {
        test.verify(() -> {
          assertEquals(List.of(EXAMPLE_JSON, "flush"), events);
          assertEquals(List.of("EE: Output: cannot write records (No space left on device); dropping them until it "
              + "works again -\t"), stderrWithoutTimes());
        });
        test.completeNow();
      }
    });
    OutputStyle json = new OutputStyle(true, true);
    deploy(vertx, sink, test, bus -> {
      bus.publish(Records.ADDRESS, LOCALHOST, json.toDeliveryOptions());
      vertx.setTimer(200, later -> bus.publish(Records.ADDRESS, LOCALHOST, json.toDeliveryOptions()));
      vertx.setTimer(400, later -> bus.publish(Records.ADDRESS, EXAMPLE, json.toDeliveryOptions()));
    });
  }

  @Test
  void aReaderThatWentAwayStopsTheMonitorWithOneError(Vertx vertx, VertxTestContext test) {
    RecordingSink sink = new RecordingSink(Integer.MAX_VALUE, "Broken pipe", events -> { });
    OutputVerticle printer = new OutputVerticle(sink, ZONE);
    RecordCodec.registerOn(vertx.eventBus());
    vertx.deployVerticle(printer).onComplete(test.succeeding(id -> {
      for (int i = 0; i < 10; i++) {
        vertx.eventBus().publish(Records.ADDRESS, LOCALHOST, new OutputStyle(true, true).toDeliveryOptions());
      }
    }));
    printer.fatal().onComplete(test.succeeding(status -> test.verify(() -> {
      assertEquals(1, status);
      assertEquals(List.of("EE: Output: nobody reads the records any more (Broken pipe); stopping -\t"),
          stderrWithoutTimes());
      test.completeNow();
    })));
  }

  private List<String> stderrWithoutTimes() {
    return stderr.lines().stream().map(line -> line.substring(0, line.indexOf('\t') + 1)).toList();
  }

  @Test
  void theCollectorSubscribedAgainPrintsEachRecordOnce(Vertx vertx, VertxTestContext test) {
    List<List<String>> seen = new ArrayList<>();
    RecordingSink sink = new RecordingSink(0, events -> {
      synchronized (seen) {
        seen.add(List.copyOf(events));
      }
    });
    RecordCodec.registerOn(vertx.eventBus());
    OutputVerticle collector = new OutputVerticle(sink, ZONE, true);
    vertx.deployVerticle(collector).onComplete(test.succeeding(id -> {
      collector.subscribeAgain();
      // Once the new subscription has replaced the old one: one record, printed once.
      vertx.setTimer(300, later -> {
        vertx.eventBus().publish(Records.ADDRESS, LOCALHOST, new OutputStyle(false, true).toDeliveryOptions());
        vertx.setTimer(500, after -> test.verify(() -> {
          synchronized (seen) {
            assertEquals(List.of(LOCALHOST_PLAIN, "flush"), seen.get(seen.size() - 1));
          }
          test.completeNow();
        }));
      });
    }));
  }

  private static void deploy(Vertx vertx, OutputStream sink, VertxTestContext test, Consumer<EventBus> publish) {
    RecordCodec.registerOn(vertx.eventBus());
    vertx.deployVerticle(new OutputVerticle(sink, ZONE))
        .onComplete(test.succeeding(id -> publish.accept(vertx.eventBus())));
  }

  /**
   * Records each write as one event and each flush as {@code "flush"}; the first {@code failures} writes fail with
   * {@code failure}.
   */
  private static final class RecordingSink extends OutputStream {

    private final List<String> events = new ArrayList<>();
    private final Consumer<List<String>> onEvent;
    private final String failure;
    private int failures;

    RecordingSink(int failures, Consumer<List<String>> onEvent) {
      this(failures, "Broken pipe", onEvent);
    }

    RecordingSink(int failures, String failure, Consumer<List<String>> onEvent) {
      this.failures = failures;
      this.failure = failure;
      this.onEvent = onEvent;
    }

    @Override
    public synchronized void write(int b) {
      event("byte " + b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      if (failures > 0) {
        failures--;
        throw new IOException(failure);
      }
      event(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void flush() {
      event("flush");
    }

    private void event(String event) {
      events.add(event);
      onEvent.accept(List.copyOf(events));
    }
  }
}
