package net.connmonitor.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/** The few libc calls Java and Netty do not offer: a socket of a kind Netty has no channel for, isatty. */
public interface LibC extends Library {
  LibC INSTANCE = Native.load("c", LibC.class);

  int SOCK_DGRAM = 2;
  int SOCK_RAW = 3;
  int SOCK_NONBLOCK = 04000;
  int SOCK_CLOEXEC = 02000000;

  int socket(int domain, int type, int protocol) throws LastErrorException;

  int close(int fd) throws LastErrorException;

  int isatty(int fd);
}
