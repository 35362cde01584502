/*
 * Answers ICMP echo requests, IPv4 and IPv6, a fixed number of milliseconds after they arrive: a host on the test
 * network whose round-trip time is known, for tests and benchmarks (the kernel has no netem here). Run it in a
 * namespace whose own echo answers are off (net.ipv4.icmp_echo_ignore_all=1, net.ipv6.icmp.echo_ignore_all=1).
 *
 * With --forge, it is a hostile host as well: at once, before the true reply, it answers every request with an
 * echo reply whose checksum is wrong (IPv4: the kernel computes every ICMPv6 checksum), and with a time-exceeded
 * and an unreachable that quote the request exactly, sent from another of its addresses (the forger's).
 *
 * Usage: echo-delay MILLISECONDS
 *        echo-delay --forge FORGER_V4 FORGER_V6 TARGET_V4 TARGET_V6 MILLISECONDS
 *
 * With two addresses of its own, it answers from the target's: a reply from another address answers nothing.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>

#define QUEUE 8192
#define MAX_PACKET 2048
#define SPIN_NANOS 200000LL

struct pending {
  struct timespec due;
  int socket;
  struct sockaddr_storage to;
  socklen_t to_length;
  size_t length;
  unsigned char packet[MAX_PACKET];
};

static struct pending queue[QUEUE];
static size_t head, tail;
/* Sockets bound to the forger's addresses, and the target's IPv6 address (a raw IPv6 socket reads no header). */
static int forge_v4 = -1, forge_v6 = -1;
static struct in6_addr target_v6;

static uint16_t checksum(const unsigned char *data, size_t length) {
  uint32_t sum = 0;
  for (size_t i = 0; i + 1 < length; i += 2) sum += (uint32_t) (data[i] << 8 | data[i + 1]);
  if (length & 1) sum += (uint32_t) data[length - 1] << 8;
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return (uint16_t) ~sum;
}

static void set_checksum(unsigned char *icmp, size_t length) {
  icmp[2] = icmp[3] = 0;
  uint16_t sum = checksum(icmp, length);
  icmp[2] = sum >> 8;
  icmp[3] = sum & 0xff;
}

static long long nanos(struct timespec t) { return (long long) t.tv_sec * 1000000000LL + t.tv_nsec; }

/* An ICMP error of TYPE/CODE quoting ORIGINAL (IP header and all), sent from the forger's address. */
static void forge_error(int v6, int type, int code, const unsigned char *original, size_t length,
                        const struct sockaddr_storage *to, socklen_t to_length) {
  unsigned char error[MAX_PACKET + 8];
  if (length > MAX_PACKET) length = MAX_PACKET;
  memset(error, 0, 8);
  error[0] = (unsigned char) type;
  error[1] = (unsigned char) code;
  memcpy(error + 8, original, length);
  if (!v6) set_checksum(error, length + 8);
  sendto(v6 ? forge_v6 : forge_v4, error, length + 8, 0, (const struct sockaddr *) to, to_length);
}

/* The hostile answers, at once: a corrupt echo reply, then a forged time-exceeded and unreachable. */
static void forge(int socket, int v6, const unsigned char *datagram, size_t start, size_t n,
                  const struct sockaddr_storage *from, socklen_t from_length) {
  unsigned char copy[MAX_PACKET];
  size_t icmp_length = n - start;
  if (!v6) {
    memcpy(copy, datagram + start, icmp_length);
    copy[0] = 0;
    set_checksum(copy, icmp_length);
    copy[3] ^= 0x5a;
    sendto(socket, copy, icmp_length, 0, (const struct sockaddr *) from, from_length);
    forge_error(0, 11, 0, datagram, n, from, from_length);
    forge_error(0, 3, 1, datagram, n, from, from_length);
    return;
  }
  /* Rebuild the IPv6 header the request came with: the quoted packet starts with it. */
  unsigned char original[MAX_PACKET];
  if (40 + icmp_length > sizeof original) return;
  memset(original, 0, 40);
  original[0] = 0x60;
  original[4] = (unsigned char) (icmp_length >> 8);
  original[5] = (unsigned char) icmp_length;
  original[6] = IPPROTO_ICMPV6;
  original[7] = 64;
  memcpy(original + 8, &((const struct sockaddr_in6 *) from)->sin6_addr, 16);
  memcpy(original + 24, &target_v6, 16);
  memcpy(original + 40, datagram, icmp_length);
  forge_error(1, ICMP6_TIME_EXCEEDED, 0, original, 40 + icmp_length, from, from_length);
  forge_error(1, ICMP6_DST_UNREACH, ICMP6_DST_UNREACH_ADDR, original, 40 + icmp_length, from, from_length);
}

/* Reads one datagram; queues the answer when it is an echo request. Its delay counts from the kernel's receive
   timestamp, so that requests that came together are answered together, however long reading them one by one
   takes. */
static void take(int socket, int v6, long long delay) {
  struct pending *p = &queue[tail % QUEUE];
  unsigned char buffer[MAX_PACKET];
  char control[256];
  struct iovec iov = {buffer, sizeof buffer};
  struct msghdr message = {&p->to, sizeof p->to, &iov, 1, control, sizeof control, 0};
  ssize_t n = recvmsg(socket, &message, MSG_DONTWAIT);
  if (n <= 0 || tail - head == QUEUE) return;
  p->to_length = message.msg_namelen;
  struct timespec now_real, now, *received = NULL;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&message); c; c = CMSG_NXTHDR(&message, c)) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) received = (struct timespec *) CMSG_DATA(c);
  }
  size_t start = 0;
  if (!v6) {
    if (n < 20) return;
    start = (size_t) (buffer[0] & 0x0f) * 4;  /* a raw IPv4 socket reads the IP header */
  }
  if ((size_t) n < start + 8 || buffer[start] != (v6 ? ICMP6_ECHO_REQUEST : 8)) return;
  if (forge_v4 >= 0) forge(socket, v6, buffer, start, (size_t) n, &p->to, p->to_length);
  p->length = (size_t) n - start;
  memcpy(p->packet, buffer + start, p->length);
  p->packet[0] = v6 ? ICMP6_ECHO_REPLY : 0;
  if (v6) {
    p->packet[2] = p->packet[3] = 0;  /* the kernel computes ICMPv6 checksums */
  } else {
    set_checksum(p->packet, p->length);
  }
  clock_gettime(CLOCK_REALTIME, &now_real);
  clock_gettime(CLOCK_MONOTONIC, &now);
  long long waited = received ? nanos(now_real) - nanos(*received) : 0;
  if (waited < 0 || waited > delay) waited = 0;
  long long due = nanos(now) + delay - waited;
  p->due.tv_sec = due / 1000000000LL;
  p->due.tv_nsec = due % 1000000000LL;
  p->socket = socket;
  tail++;
}

/* A raw socket bound to ADDRESS, so that what it sends leaves from there. */
static int bound(int family, const char *address) {
  int protocol = family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6;
  int s = socket(family, SOCK_RAW, protocol);
  struct sockaddr_storage local;
  memset(&local, 0, sizeof local);
  local.ss_family = (sa_family_t) family;
  void *bytes = family == AF_INET ? (void *) &((struct sockaddr_in *) &local)->sin_addr
                                  : (void *) &((struct sockaddr_in6 *) &local)->sin6_addr;
  socklen_t length = family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
  if (s < 0 || inet_pton(family, address, bytes) != 1 || bind(s, (struct sockaddr *) &local, length) != 0) {
    fprintf(stderr, "echo-delay: cannot bind a raw socket to %s\n", address);
    exit(1);
  }
  return s;
}

/* The forger's sockets only send. */
static int sending_only(int family, const char *address) {
  int s = bound(family, address);
  struct icmp6_filter none;
  ICMP6_FILTER_SETBLOCKALL(&none);
  if (family == AF_INET6) setsockopt(s, IPPROTO_ICMPV6, ICMP6_FILTER, &none, sizeof none);
  return s;
}

int main(int argc, char **argv) {
  int v4, v6;
  if (argc == 7 && strcmp(argv[1], "--forge") == 0) {
    forge_v4 = sending_only(AF_INET, argv[2]);
    forge_v6 = sending_only(AF_INET6, argv[3]);
    v4 = bound(AF_INET, argv[4]);
    v6 = bound(AF_INET6, argv[5]);
    inet_pton(AF_INET6, argv[5], &target_v6);
  } else if (argc == 2) {
    v4 = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    v6 = socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
  } else {
    fprintf(stderr, "usage: echo-delay MILLISECONDS\n"
                    "       echo-delay --forge FORGER_V4 FORGER_V6 TARGET_V4 TARGET_V6 MILLISECONDS\n");
    return 2;
  }
  long long delay = atoll(argv[argc - 1]) * 1000000LL;
  /* Wake-ups as asked, not up to 50 µs late: the reply's delay must not depend on how requests come. */
  prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
  if (v4 < 0 || v6 < 0) {
    perror("echo-delay: socket");
    return 1;
  }
  int on = 1;
  setsockopt(v4, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
  setsockopt(v6, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
  struct icmp6_filter only_requests;
  ICMP6_FILTER_SETBLOCKALL(&only_requests);
  ICMP6_FILTER_SETPASS(ICMP6_ECHO_REQUEST, &only_requests);
  setsockopt(v6, IPPROTO_ICMPV6, ICMP6_FILTER, &only_requests, sizeof only_requests);
  struct pollfd fds[2] = {{v4, POLLIN, 0}, {v6, POLLIN, 0}};
  for (;;) {
    struct timespec now, wait, *timeout = NULL;
    clock_gettime(CLOCK_MONOTONIC, &now);
    while (head != tail && nanos(queue[head % QUEUE].due) <= nanos(now)) {
      struct pending *p = &queue[head % QUEUE];
      sendto(p->socket, p->packet, p->length, 0, (struct sockaddr *) &p->to, p->to_length);
      head++;
    }
    if (head != tail) {
      /* The last 200 µs are waited out spinning: a wake-up from sleep can itself take tens of microseconds. */
      long long left = nanos(queue[head % QUEUE].due) - nanos(now) - SPIN_NANOS;
      if (left < 0) left = 0;
      wait.tv_sec = left / 1000000000LL;
      wait.tv_nsec = left % 1000000000LL;
      timeout = &wait;
    }
    if (ppoll(fds, 2, timeout, NULL) < 0 && errno != EINTR) {
      perror("echo-delay: ppoll");
      return 1;
    }
    if (fds[0].revents & POLLIN) take(v4, 0, delay);
    if (fds[1].revents & POLLIN) take(v6, 1, delay);
    if (head != tail) {
      for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (nanos(queue[head % QUEUE].due) <= nanos(now)) break;
        if (nanos(queue[head % QUEUE].due) - nanos(now) > SPIN_NANOS) break;
        struct pollfd quick[2] = {{v4, POLLIN, 0}, {v6, POLLIN, 0}};
        if (poll(quick, 2, 0) > 0) break;
      }
    }
  }
}
