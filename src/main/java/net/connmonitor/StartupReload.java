package net.connmonitor;

/**
 * The reload SIGHUP asks for. One that comes while the monitor starts is done once it has started: the file may have
 * changed after the start read it, and the operator who saved it and sent the signal expects it applied (and told
 * if it cannot be read), not dropped. Signals during the start are served by that one reload, as signals during a
 * reload are by one more after it.
 */
final class StartupReload {

  /** Runs the reload once the monitor has started; {@code null} until then. */
  private Runnable reload;
  private boolean askedWhileStarting;

  /** Reloads now, or once the monitor has started. Any thread. */
  synchronized void ask() {
    if (reload != null) {
      reload.run();
    } else {
      askedWhileStarting = true;
    }
  }

  /** The monitor has started and reloads with {@code started}: runs it now if a reload was asked meanwhile. */
  synchronized void started(Runnable started) {
    reload = started;
    if (askedWhileStarting) {
      askedWhileStarting = false;
      started.run();
    }
  }
}
