"""The truth against the wire: reads packet captures (pcap, as tcpdump -w writes them, with the kernel's timestamps),
pairs each ICMP echo request with its reply by (address, identifier, sequence), groups each address's requests into
bursts, and compares them with connmonitor's JSON records of the same bursts. Standard library only.

    python3 bench/wire.py --gap MS [--records FILE] [--from S --to S] PCAP...

A burst is a run of requests to one address with less than MS milliseconds between two of them (half the pause
between bursts is a safe choice). Only bursts that started inside [--from, --to] (seconds since the epoch) count.
Each record is matched with the burst that ended last before the record was printed (within MS), so the
difference per burst compares the same probes. Prints one JSON object per address: requests and replies seen,
bursts, the median of the lossless bursts' averages and the 99th percentile of their maxima (ms), and, with
--records, the record's median, its median difference from its own burst on the wire (µs) and the bursts matched.
"""
import argparse
import bisect
import json
import socket
import statistics
import struct
import sys

# pcap magic numbers as read little-endian: the byte order, and nanoseconds per unit of the fraction of a second.
# Times stay integer nanoseconds: a float of seconds since the epoch resolves only a quarter of a microsecond.
MAGIC = {0xA1B2C3D4: ("<", 1000), 0xA1B23C4D: ("<", 1), 0xD4C3B2A1: (">", 1000), 0x4D3CB2A1: (">", 1)}
# Link types: how many bytes precede the network header, and where the EtherType is (None: IP right away).
LINK_ETHERNET, LINK_RAW, LINK_RAW_BSD, LINK_SLL, LINK_SLL2 = 1, 101, 12, 113, 276
ETHERTYPE_IPV4, ETHERTYPE_IPV6, ETHERTYPE_VLAN = 0x0800, 0x86DD, 0x8100
ICMP, ICMPV6 = 1, 58
ECHO = {(4, 8): "request", (4, 0): "reply", (6, 128): "request", (6, 129): "reply"}


def packets(path):
    """Yields (time in ns, kind, address of the far end, identifier, sequence) for each echo request or reply."""
    with open(path, "rb") as f:
        header = f.read(24)
        if len(header) < 24:
            return
        (magic,) = struct.unpack("<I", header[:4])
        if magic not in MAGIC:
            sys.exit(f"wire.py: {path} is not a pcap file")
        order, fraction = MAGIC[magic]
        link = struct.unpack(order + "I", header[20:24])[0] & 0x0FFFFFFF
        record = struct.Struct(order + "IIII")
        while True:
            head = f.read(16)
            if len(head) < 16:
                return
            seconds, part, captured, _ = record.unpack(head)
            data = f.read(captured)
            echo = parse(link, data)
            if echo:
                yield (seconds * 1_000_000_000 + part * fraction, *echo)


def parse(link, data):
    if link == LINK_ETHERNET:
        offset, ethertype = 14, int.from_bytes(data[12:14], "big")
        if ethertype == ETHERTYPE_VLAN:
            offset, ethertype = 18, int.from_bytes(data[16:18], "big")
    elif link == LINK_SLL:
        offset, ethertype = 16, int.from_bytes(data[14:16], "big")
    elif link == LINK_SLL2:
        offset, ethertype = 20, int.from_bytes(data[0:2], "big")
    elif link in (LINK_RAW, LINK_RAW_BSD):
        offset, ethertype = 0, {4: ETHERTYPE_IPV4, 6: ETHERTYPE_IPV6}.get(data[0] >> 4 if data else 0)
    else:
        sys.exit(f"wire.py: link type {link} not read")
    ip = data[offset:]
    if ethertype == ETHERTYPE_IPV4 and len(ip) >= 20 and ip[9] == ICMP:
        icmp, version = ip[(ip[0] & 15) * 4:], 4
        source, destination = socket.inet_ntop(socket.AF_INET, ip[12:16]), socket.inet_ntop(socket.AF_INET, ip[16:20])
    elif ethertype == ETHERTYPE_IPV6 and len(ip) >= 40 and ip[6] == ICMPV6:
        icmp, version = ip[40:], 6
        source = socket.inet_ntop(socket.AF_INET6, ip[8:24])
        destination = socket.inet_ntop(socket.AF_INET6, ip[24:40])
    else:
        return None
    if len(icmp) < 8:
        return None
    kind = ECHO.get((version, icmp[0]))
    if kind is None:
        return None
    identifier, sequence = struct.unpack("!HH", icmp[4:8])
    return kind, destination if kind == "request" else source, identifier, sequence


def probes(paths):
    """Per address, its probes in the order sent: (sent at, round trip, in ns; None when lost)."""
    pending, out = {}, {}
    events = sorted(event for path in paths for event in packets(path))
    for time, kind, address, identifier, sequence in events:
        key = (address, identifier, sequence)
        if kind == "request":
            if key in pending:  # the same request seen twice (a second interface): the first counts
                continue
            probe = [time, None]
            pending[key] = probe
            out.setdefault(address, []).append(probe)
        else:
            probe = pending.pop(key, None)
            if probe is not None and probe[1] is None:
                probe[1] = time - probe[0]
    return out


def bursts(sent, gap):
    """Groups one address's probes into bursts: (start, end, probes' round trips) with None for a lost one."""
    out, current, last = [], [], None
    for time, rtt in sent:
        if current and time - last > gap:
            out.append(current)
            current = []
        current.append((time, rtt))
        last = time
    if current:
        out.append(current)
    return [(b[0][0], max(t + (r or 0) for t, r in b), [r for _, r in b]) for b in out]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else None


def records(path, start, end):
    out = {}
    with open(path) as f:
        for line in f:
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            if "ping" in r and start <= r["timestamp"] / 1000 <= end + 5:
                out.setdefault(r["addr"], []).append(r)
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gap", type=float, required=True)
    parser.add_argument("--records")
    parser.add_argument("--from", dest="start", type=float, default=0)
    parser.add_argument("--to", dest="end", type=float, default=float("inf"))
    parser.add_argument("pcaps", nargs="+")
    args = parser.parse_args()
    gap, start, end = args.gap * 1e6, args.start * 1e9, args.end * 1e9
    mine = records(args.records, args.start, args.end) if args.records else {}
    for address, sent in sorted(probes(args.pcaps).items()):
        all_bursts = [b for b in bursts(sent, gap) if start <= b[0] <= end]
        if not all_bursts:
            continue
        whole = [b for b in all_bursts if None not in b[2]]
        row = {"address": address, "requests": sum(len(b[2]) for b in all_bursts),
               "replies": sum(r is not None for b in all_bursts for r in b[2]), "bursts": len(all_bursts),
               "lossless": len(whole), "wire_median": 1e-6 * statistics.median(statistics.fmean(b[2]) for b in whole)
               if whole else None, "wire_p99_max": 1e-6 * percentile([max(b[2]) for b in whole], 99) if whole else None}
        ours = [r for r in mine.get(address, []) if r["ping"]["loss"] == 0]
        if ours:
            ends = [b[1] for b in whole]
            matched, used = [], set()
            for r in ours:
                printed = r["timestamp"] * 1e6
                i = bisect.bisect_right(ends, printed) - 1
                if i >= 0 and i not in used and printed - ends[i] < gap and len(whole[i][2]) == len(whole[0][2]):
                    used.add(i)
                    matched.append(r["ping"]["avg"] * 1000 - statistics.fmean(whole[i][2]) / 1000)
            row.update({"records": len(ours), "record_median": statistics.median(r["ping"]["avg"] for r in ours),
                        "matched": len(matched), "difference_median_us": statistics.median(matched) if matched else None,
                        "difference_max_us": max(matched, key=abs) if matched else None})
        print(json.dumps(row))


main()
