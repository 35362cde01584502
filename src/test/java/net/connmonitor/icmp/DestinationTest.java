package net.connmonitor.icmp;

import static net.connmonitor.icmp.IcmpCodecTest.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DestinationTest {

  private final Destination destination = new Destination();
  private final Exchange exchange = Exchange.burst(address("198.18.10.2"), Departure.ANY, 65536, 1, 1);

  @Test
  void findsEachOutstandingRequestByItsSequenceAndNothingElse() {
    List<Request> requests = allocate(100);
    for (Request request : requests) {
      assertSame(request, destination.outstanding(request.sequence));
    }
    destination.remove(requests.get(7));
    assertNull(destination.outstanding(requests.get(7).sequence));
    assertEquals(99, destination.all().size());
  }

  @Test
  void itsTableStaysAsSmallAsWhatIsOutstanding() {
    for (int round = 0; round < 20_000; round++) {
      allocate(10).forEach(destination::remove);
    }
    assertEquals(32, destination.tableSize());
    assertTrue(destination.unused());
  }

  @Test
  void aLongOutstandingRequestNeverMakesTheTableGrowWithTime() {
    Request stuck = allocate(1).get(0);
    for (int round = 0; round < 20_000; round++) {
      allocate(10).forEach(destination::remove);
    }
    assertSame(stuck, destination.outstanding(stuck.sequence));
    assertEquals(32, destination.tableSize());
  }

  @Test
  void handsOutEverySequenceOnceThenNone() {
    Set<Integer> sequences = new HashSet<>();
    for (Request request : allocate(65536)) {
      sequences.add(request.sequence);
    }
    assertEquals(65536, sequences.size());
    assertEquals(false, destination.allocate(new Request(exchange, 0)));
  }

  private List<Request> allocate(int count) {
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Request request = new Request(exchange, i);
      assertTrue(destination.allocate(request));
      requests.add(request);
    }
    return requests;
  }
}
