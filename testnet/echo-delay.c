/*
 * Answers ICMP echo requests, IPv4 and IPv6, a fixed number of milliseconds after they arrive: a host on the test
 * network whose round-trip time is known, for tests and benchmarks (the kernel has no netem here). Run it in a
 * namespace whose own echo answers are off (net.ipv4.icmp_echo_ignore_all=1, net.ipv6.icmp.echo_ignore_all=1).
 *
 * Usage: echo-delay MILLISECONDS
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#define QUEUE 8192
#define MAX_PACKET 2048

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

static uint16_t checksum(const unsigned char *data, size_t length) {
  uint32_t sum = 0;
  for (size_t i = 0; i + 1 < length; i += 2) sum += (uint32_t) (data[i] << 8 | data[i + 1]);
  if (length & 1) sum += (uint32_t) data[length - 1] << 8;
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return (uint16_t) ~sum;
}

static long long nanos(struct timespec t) { return (long long) t.tv_sec * 1000000000LL + t.tv_nsec; }

/* Reads one datagram; queues the answer when it is an echo request. */
static void take(int socket, int v6, long long delay) {
  struct pending *p = &queue[tail % QUEUE];
  unsigned char buffer[MAX_PACKET];
  p->to_length = sizeof p->to;
  ssize_t n = recvfrom(socket, buffer, sizeof buffer, MSG_DONTWAIT, (struct sockaddr *) &p->to, &p->to_length);
  if (n <= 0 || tail - head == QUEUE) return;
  size_t start = 0;
  if (!v6) {
    if (n < 20) return;
    start = (size_t) (buffer[0] & 0x0f) * 4;  /* a raw IPv4 socket reads the IP header */
  }
  if ((size_t) n < start + 8 || buffer[start] != (v6 ? ICMP6_ECHO_REQUEST : 8)) return;
  p->length = (size_t) n - start;
  memcpy(p->packet, buffer + start, p->length);
  p->packet[0] = v6 ? ICMP6_ECHO_REPLY : 0;
  p->packet[2] = p->packet[3] = 0;
  if (!v6) {  /* the kernel computes ICMPv6 checksums */
    uint16_t sum = checksum(p->packet, p->length);
    p->packet[2] = sum >> 8;
    p->packet[3] = sum & 0xff;
  }
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  long long due = nanos(now) + delay;
  p->due.tv_sec = due / 1000000000LL;
  p->due.tv_nsec = due % 1000000000LL;
  p->socket = socket;
  tail++;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: echo-delay MILLISECONDS\n");
    return 2;
  }
  long long delay = atoll(argv[1]) * 1000000LL;
  int v4 = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
  int v6 = socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
  if (v4 < 0 || v6 < 0) {
    perror("echo-delay: socket");
    return 1;
  }
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
      long long left = nanos(queue[head % QUEUE].due) - nanos(now);
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
  }
}
