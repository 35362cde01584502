package net.connmonitor.icmp;

/**
 * An array of {@code struct mmsghdr} for one {@code recvmmsg} or {@code sendmmsg} call, each message with its own
 * address, data and control-message slots, all in one block of native memory. Layouts are those of LP64 Linux
 * (x86-64, aarch64, riscv64).
 */
final class MessageBatch {

  /** Messages per system call. */
  private static final int MAX_MESSAGES = 64;
  /** Batches are made smaller for large datagrams, so that a batch's memory stays within about this. */
  private static final int MAX_MEMORY = 1 << 20;
  /** Smallest data slot: an ICMP error quotes up to 576 (IPv4) or 1280 (IPv6) bytes of the packet it is about. */
  private static final int MIN_SLOT = 2048;
  private static final int MMSGHDR = 64;
  private static final int IOVEC = 16;
  /** Room for a {@code sockaddr_in6} (28 bytes), 8-aligned. */
  static final int NAME = 32;

  final int capacity;
  final int dataSize;
  final int controlSize;
  final NativeBuffer memory;
  private final int iovecs;
  private final int names;
  private final int controls;
  private final int datas;

  /**
   * A batch whose data slots hold datagrams of {@code datagramBytes} (or the smallest slot, if more), as many
   * messages as the memory bound allows.
   */
  static MessageBatch forDatagrams(int datagramBytes, int controlSize) {
    int dataSize = Math.max(MIN_SLOT, datagramBytes);
    return new MessageBatch(Math.max(1, Math.min(MAX_MESSAGES, MAX_MEMORY / dataSize)), dataSize, controlSize);
  }

  private MessageBatch(int capacity, int dataSize, int controlSize) {
    this.capacity = capacity;
    this.dataSize = dataSize;
    this.controlSize = controlSize;
    iovecs = capacity * MMSGHDR;
    names = iovecs + capacity * IOVEC;
    controls = names + capacity * NAME;
    datas = controls + capacity * controlSize;
    memory = new NativeBuffer(datas + capacity * dataSize);
    for (int i = 0; i < capacity; i++) {
      int header = i * MMSGHDR;
      memory.host.putLong(header, memory.address + name(i));
      memory.host.putLong(header + 16, memory.address + iovecs + i * IOVEC);
      memory.host.putLong(header + 24, 1);
      memory.host.putLong(header + 32, memory.address + control(i));
      memory.host.putLong(iovecs + i * IOVEC, memory.address + data(i));
    }
  }

  /** The address of message {@code i}'s header, for the system call. */
  long messages(int i) {
    return memory.address + (long) i * MMSGHDR;
  }

  int name(int i) {
    return names + i * NAME;
  }

  int control(int i) {
    return controls + i * controlSize;
  }

  int data(int i) {
    return datas + i * dataSize;
  }

  /** Before every receive: the kernel overwrites the lengths and flags it reports. */
  void prepareReceive(int count) {
    for (int i = 0; i < count; i++) {
      int header = i * MMSGHDR;
      memory.host.putInt(header + 8, NAME);
      memory.host.putLong(header + 40, controlSize);
      memory.host.putInt(header + 48, 0);
      memory.host.putLong(iovecs + i * IOVEC + 8, dataSize);
    }
  }

  /**
   * Message {@code i} sends {@code dataLength} bytes to the address in its name slot, with its control slot's first
   * {@code controlLength} bytes.
   */
  void prepareSend(int i, int nameLength, int dataLength, int controlLength) {
    int header = i * MMSGHDR;
    memory.host.putInt(header + 8, nameLength);
    memory.host.putLong(header + 40, controlLength);
    memory.host.putLong(iovecs + i * IOVEC + 8, dataLength);
  }

  /** The length of message {@code i} as received. */
  int length(int i) {
    return memory.host.getInt(i * MMSGHDR + 56);
  }

  int flags(int i) {
    return memory.host.getInt(i * MMSGHDR + 48);
  }

  int controlLength(int i) {
    return (int) memory.host.getLong(i * MMSGHDR + 40);
  }
}
