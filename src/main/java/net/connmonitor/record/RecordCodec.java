package net.connmonitor.record;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * How a {@link MonitorRecord} travels on the event bus: within the JVM as itself (it is immutable, so every consumer
 * gets the same object and nothing is copied or encoded), across a cluster as its JSON form ({@link RecordJson}).
 */
public final class RecordCodec implements MessageCodec<MonitorRecord, MonitorRecord> {

  /** The codec's name on the event bus. */
  public static final String NAME = "connmonitor.record";

  private static final Set<EventBus> REGISTERED = Collections.newSetFromMap(new WeakHashMap<>());

  /**
   * Makes this the codec of every {@link MonitorRecord} sent on {@code eventBus}; once per event bus, however many
   * hosts (or monitors) publish on it.
   */
  public static void registerOn(EventBus eventBus) {
    synchronized (REGISTERED) {
      if (REGISTERED.add(eventBus)) {
        eventBus.registerDefaultCodec(MonitorRecord.class, new RecordCodec());
      }
    }
  }

  @Override
  public MonitorRecord transform(MonitorRecord record) {
    return record;
  }

  /** As Vert.x writes a JsonObject: the length of the UTF-8 bytes, then the bytes. */
  @Override
  public void encodeToWire(Buffer buffer, MonitorRecord record) {
    byte[] json = RecordJson.message(record).getBytes(StandardCharsets.UTF_8);
    buffer.appendInt(json.length).appendBytes(json);
  }

  @Override
  public MonitorRecord decodeFromWire(int position, Buffer buffer) {
    int length = buffer.getInt(position);
    int start = position + Integer.BYTES;
    return RecordJsonReader.read(new JsonObject(buffer.getString(start, start + length, "UTF-8")));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
