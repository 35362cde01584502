package net.connmonitor.icmp;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A block of native memory that system calls read and write by address and Java reads through direct byte buffers:
 * {@link #host} in the machine's byte order for the kernel's structures, {@link #network} in network byte order for
 * packets. Both views share the memory and use absolute indexes.
 */
final class NativeBuffer {

  final ByteBuffer host;
  final ByteBuffer network;
  final long address;

  NativeBuffer(int size) {
    host = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
    network = host.duplicate().order(ByteOrder.BIG_ENDIAN);
    address = Pointer.nativeValue(Native.getDirectBufferPointer(host));
  }
}
