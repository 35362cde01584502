package net.connmonitor.log;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import net.connmonitor.os.LibC;
import net.connmonitor.os.Linux;

/** Turns an exception into the few words an operator needs, for one-line errors: no class names, no traces. */
public final class Problems {

  private Problems() {
  }

  /**
   * Whether {@code error} is the process (EMFILE) or the system (ENFILE) having no file descriptor left: a state
   * that passes, unlike a file that is missing or forbidden. The JDK reports both with the C library's words.
   */
  public static boolean isOutOfDescriptors(Throwable error) {
    String problem = describe(error);
    return problem.equals(LibC.describe(Linux.EMFILE)) || problem.equals(LibC.describe(Linux.ENFILE));
  }

  public static String describe(Throwable error) {
    Throwable cause = error;
    // Wrappers (Vert.x's file system errors, futures) carry the useful exception as their cause.
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof NoSuchFileException) {
      return "no such file";
    }
    if (cause instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (cause instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    String message = cause.getMessage();
    return message != null && !message.isBlank() ? message : cause.getClass().getSimpleName();
  }
}
