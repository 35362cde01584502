package net.connmonitor;

import net.connmonitor.os.LibC;
import net.connmonitor.os.Linux;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT stop the monitor, SIGHUP reloads it, from the first instant of {@code main}: the JVM's own
 * handlers would end the process with status 129 on a SIGHUP that comes before the configuration is applied.
 * The packaged launcher ignores SIGHUP until then, so that the JVM's start-up cannot die of one either; a JVM that
 * inherits an ignored SIGHUP keeps ignoring it, so the default is restored here first.
 */
final class ProcessSignals {

  private ProcessSignals() {
  }

  /** @param reload run on SIGHUP, from the first instant: it says itself what a reload during the start does */
  static void install(Runnable stop, Runnable reload) {
    Signal.handle(new Signal("TERM"), signal -> stop.run());
    Signal.handle(new Signal("INT"), signal -> stop.run());
    try {
      LibC.signal(Linux.SIGHUP, Linux.SIG_DFL);
    } catch (LinkageError e) {
      // Without libc through JNA an inherited "ignore" stays: no reload, but no death either.
    }
    Signal.handle(new Signal("HUP"), signal -> reload.run());
  }
}
