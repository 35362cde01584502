package net.connmonitor.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputQueueTest {

  @Test
  void aStalledReaderLosesTheOldestRecordsAndTheyAreCounted() throws Exception {
    OutputQueue queue = new OutputQueue(4, 1 << 20);
    for (int i = 0; i < 10; i++) {
      queue.add(record(i));
    }
    assertEquals(List.of("6\n", "7\n", "8\n", "9\n"), texts(queue.take(1 << 20, 0)));
    assertEquals(6, queue.takeDropped());
    assertEquals(0, queue.takeDropped());
  }

  @Test
  void theBytesAreBoundedToo() throws Exception {
    OutputQueue queue = new OutputQueue(1000, 10);
    for (int i = 0; i < 10; i++) {
      queue.add(record(i));
    }
    assertEquals(List.of("5\n", "6\n", "7\n", "8\n", "9\n"), texts(queue.take(1 << 20, 0)));
    assertEquals(5, queue.takeDropped());
  }

  @Test
  void aTakeIsWholeRecordsUpToItsSizeAndAtLeastOne() throws Exception {
    OutputQueue queue = new OutputQueue(1000, 1 << 20);
    queue.add("a long record\n".getBytes(StandardCharsets.UTF_8));
    queue.add(record(1));
    queue.add(record(2));
    assertEquals(List.of("a long record\n"), texts(queue.take(4, 0)));
    assertEquals(List.of("1\n", "2\n"), texts(queue.take(4, 0)));
    assertEquals(List.of(), queue.take(4, 10));
  }

  @Test
  void whatIsQueuedWhenItClosesCanStillBeTaken() throws Exception {
    OutputQueue queue = new OutputQueue(1000, 1 << 20);
    queue.add(record(1));
    queue.close();
    queue.add(record(2));
    assertEquals(List.of("1\n"), texts(queue.take(100, 0)));
    assertEquals(true, queue.isClosedAndEmpty());
  }

  private static byte[] record(int i) {
    return (i + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<byte[]> records) {
    return records.stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
  }
}
