package net.connmonitor.os;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The libc calls that Java and Netty do not offer: sockets of a kind Netty has no channel for, the batched
 * {@code recvmmsg}/{@code sendmmsg} with control messages, {@code isatty}.
 *
 * <p>Directly mapped (static natives registered with JNA): about 55 ns a call, against several hundred through an
 * interface proxy, which counts at a hundred thousand datagrams a second. Pointers are passed as addresses in a
 * {@code long}: every architecture the monitor ships for (x86-64, aarch64, riscv64) is LP64. A call that fails
 * returns -1 and leaves its error in {@link #errno()}; the numbers it takes and gives are {@link Linux}'s.
 */
public final class LibC {

  static {
    Native.register(LibC.class, NativeLibrary.getInstance("c"));
  }

  private LibC() {
  }

  public static native int socket(int domain, int type, int protocol);

  public static native int close(int fd);

  public static native int setsockopt(int fd, int level, int name, long value, int length);

  public static native int getsockopt(int fd, int level, int name, long value, long length);

  public static native int getsockname(int fd, long address, long length);

  public static native int sendmmsg(int fd, long messages, int count, int flags);

  public static native int recvmmsg(int fd, long messages, int count, int flags, long timeout);

  public static native int isatty(int fd);

  /** Sets a signal's disposition; {@link Linux#SIG_DFL} restores the default. */
  public static native long signal(int signal, long handler);

  private static native String strerror(int errno);

  /** The error of the last failed call on this thread. */
  public static int errno() {
    return Native.getLastError();
  }

  /** The system's words for an error number, e.g. "Operation not permitted". */
  public static String describe(int errno) {
    return strerror(errno);
  }
}
