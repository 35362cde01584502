package net.connmonitor.probe;

import io.netty.channel.unix.Errors;
import java.net.NoRouteToHostException;
import java.util.Optional;
import java.util.Set;
import net.connmonitor.os.LibC;
import net.connmonitor.os.Linux;

/**
 * A connection that could not even be tried for a reason of this machine's (out of descriptors, ports or memory,
 * no route or link, a local firewall rule): the service was not asked, so the scan measured nothing, rather than
 * "None".
 */
final class LocalFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private static final Set<Integer> LOCAL_ERRORS = Set.of(Linux.EPERM, Linux.ENOMEM, Linux.EACCES, Linux.ENFILE,
      Linux.EMFILE, Linux.EADDRNOTAVAIL, Linux.ENETUNREACH, Linux.ENOBUFS);

  private LocalFailure(String message) {
    super(message, null, false, false);
  }

  /** The local failure among the causes of a failed connection, if it is one. */
  static Optional<LocalFailure> of(Throwable failure, String what) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof NoRouteToHostException) {
        // Netty's name for ENETUNREACH and EHOSTUNREACH on connect: the route or link to the host is gone here, as
        // a ping or a trace says when its send fails the same way.
        return Optional.of(new LocalFailure("cannot " + what + ": " + LibC.describe(Linux.EHOSTUNREACH)));
      }
      if (cause instanceof Errors.NativeIoException io && LOCAL_ERRORS.contains(Math.abs(io.expectedErr()))) {
        String message = io.getMessage();
        return Optional.of(new LocalFailure("cannot " + what + ": " + message.substring(message.indexOf(':') + 1)
            .strip()));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }
}
