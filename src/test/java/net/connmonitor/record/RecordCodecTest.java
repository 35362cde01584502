package net.connmonitor.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import net.connmonitor.probe.PingStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RecordCodecTest {

  private static final MonitorRecord RECORD = new MonitorRecord(new Target("web", "198.18.10.2"),
      Instant.ofEpochSecond(1795597507, 123_456_000), SampleMeasurements.SCAN);

  @Test
  void everyConsumerInTheJvmGetsThePublishedRecordItself(Vertx vertx, VertxTestContext test) {
    RecordCodec.registerOn(vertx.eventBus());
    RecordCodec.registerOn(vertx.eventBus());
    var received = test.checkpoint(2);
    for (int i = 0; i < 2; i++) {
      vertx.eventBus().<MonitorRecord>consumer(Records.ADDRESS, message -> test.verify(() -> {
        assertSame(RECORD, message.body());
        received.flag();
      }));
    }
    vertx.eventBus().publish(Records.ADDRESS, RECORD);
  }

  @Test
  void acrossAClusterItTravelsAsItsJsonForm() {
    RecordCodec codec = new RecordCodec();
    Buffer wire = Buffer.buffer("before");
    codec.encodeToWire(wire, RECORD);
    codec.encodeToWire(wire, new MonitorRecord(RECORD.target(), RECORD.measuredAt(), PingStats.ALL_LOST));
    assertEquals(RecordJson.message(RECORD),
        wire.getString(10, 10 + wire.getInt(6), "UTF-8"));
    assertEquals(RECORD, codec.decodeFromWire(6, wire));
    int second = 6 + Integer.BYTES + wire.getInt(6);
    assertEquals(PingStats.ALL_LOST, codec.decodeFromWire(second, wire).measurement());
  }
}
