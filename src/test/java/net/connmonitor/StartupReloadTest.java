package net.connmonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartupReloadTest {

  private final AtomicInteger reloads = new AtomicInteger();
  private final StartupReload reload = new StartupReload();

  @Test
  void signalsDuringTheStartAreServedByOneReloadOnceStarted() {
    reload.ask();
    reload.ask();
    assertEquals(0, reloads.get(), "nothing to reload before the start");
    reload.started(reloads::incrementAndGet);
    assertEquals(1, reloads.get());
  }

  @Test
  void withoutASignalDuringTheStartNothingIsReloaded() {
    reload.started(reloads::incrementAndGet);
    assertEquals(0, reloads.get());
  }

  @Test
  void onceStartedEachSignalReloads() {
    reload.ask();
    reload.started(reloads::incrementAndGet);
    reload.ask();
    reload.ask();
    assertEquals(3, reloads.get());
  }
}
