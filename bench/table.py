"""Reads what bench/run wrote and prints the benchmark's tables (Markdown).

Every tool ran alone, one after the other, never two at once; on loopback each in a network namespace of its own,
whose kernel ICMP counters count the echo requests it sent. CPU is the process's user + system time (children
included) over the steady-state window, divided by the requests the kernel counted in that same window.
connmonitor prints one record per burst, not one per probe: its median RTT is the median of the bursts' averages,
and its p99 the 99th percentile of the bursts' maxima, which bounds the probes' p99 from above. How late a burst
started is estimated from the records: the time between two records of a host, less the interval and the later
burst's own duration (its maximum RTT), for bursts that lost nothing; it includes the output's own jitter, so it
bounds the lateness from above.

    python3 bench/table.py RESULTS JAVA_OPTS
"""
import json
import os
import re
import statistics
import sys

HZ = os.sysconf("SC_CLK_TCK")


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def median(values):
    values = list(values)
    return statistics.median(values) if values else float("nan")


def records(path):
    out = []
    with open(path) as f:
        for line in f:
            if line.startswith("{"):
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError:
                    pass
    return out


class Window:
    """Two samples of bench/sample: CPU ticks, RSS and its peak (kB), time (ns), echo requests, echo replies and
    time-exceeded errors received."""

    def __init__(self, results, name):
        with open(f"{results}/{name}.start") as f:
            start = [int(x) for x in f.read().split()]
        with open(f"{results}/{name}.end") as f:
            end = [int(x) for x in f.read().split()]
        self.seconds = (end[3] - start[3]) / 1e9
        self.cpu = (end[0] - start[0]) / HZ
        self.rss, self.hwm = end[1] / 1024, end[2] / 1024
        self.start_ms, self.end_ms = start[3] / 1e6, end[3] / 1e6
        self.sent, self.answered, self.exceeded = end[4] - start[4], end[5] - start[5], end[6] - start[6]

    def per_probe_us(self):
        return self.cpu * 1e6 / self.sent if self.sent else float("nan")

    def rate(self):
        return self.sent / self.seconds


def exists(results, name):
    return os.path.exists(f"{results}/{name}.start") and os.path.exists(f"{results}/{name}.end")


def case(results, name):
    with open(f"{results}/{name}.case") as f:
        return [int(x) for x in f.read().split()]


def bursts_in(results, name, window):
    return [r for r in records(f"{results}/{name}.out")
            if "ping" in r and window.start_ms <= r["timestamp"] <= window.end_ms]


def ping_figures(bursts, numpings):
    """Bursts, probes, loss %, median of averages, p99 of maxima, and each host's record spacing less the burst."""
    answered = [r for r in bursts if r["ping"]["loss"] < 100]
    late, last = [], {}
    for r in sorted(bursts, key=lambda r: r["timestamp"]):
        key = (r["addr"], tuple(sorted(r.get("labels", {}).items())))
        previous = last.get(key)
        if previous and previous["ping"]["loss"] == 0 and r["ping"]["loss"] == 0:
            late.append(r["timestamp"] - previous["timestamp"] - r["ping"]["max"])
        last[key] = r
    return {"bursts": len(bursts), "probes": len(bursts) * numpings,
            "loss": statistics.fmean(r["ping"]["loss"] for r in bursts) if bursts else float("nan"),
            "median": median(r["ping"]["avg"] for r in answered), "p99": percentile([r["ping"]["max"] for r in answered],
                                                                                   99), "spacing": late}


def truth(results):
    if not os.path.exists(f"{results}/truth.wire"):
        return
    with open(f"{results}/truth.wire") as f:
        rows = [json.loads(line) for line in f]
    print("### (a) Truth against the wire: `ping=200 numpings=10`, each burst against the capture\n")
    print("connmonitor alone with `tcpdump` capturing on `lo` and `cmt0` (kernel timestamps, ns): each echo request "
          "paired with its reply by address, identifier and sequence, grouped into bursts, and each record matched "
          "with its own burst on the wire; the first seconds (warm-up) excluded. iputils `ping -i 0.2` ran afterwards, "
          "alone, as context: its figure includes its own user-space time.\n")
    print("| host | bursts on the wire (matched) | lost on the wire | wire: median burst avg (ms) | connmonitor: median "
          "burst avg (ms) | connmonitor − wire per burst, median / largest (µs) | iputils ping avg (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['address']} | {r['bursts']} ({r.get('matched', 0)}) | {r['requests'] - r['replies']} "
              f"| {fmt(r['wire_median'], 4)} | {fmt(r.get('record_median'), 4)} "
              f"| {fmt(r.get('difference_median_us'), 2, '+')} / {fmt(r.get('difference_max_us'), 2, '+')} "
              f"| {fmt(ping_average(results, r['address']), 4)} |")
    print()


def fmt(value, digits, sign=""):
    return "–" if value is None or value != value else f"{value:{sign}.{digits}f}"


def ping_average(results, host):
    try:
        with open(f"{results}/truth.ping.{host}") as f:
            m = re.search(r"= [\d.]+/([\d.]+)/", f.read())
            return float(m.group(1)) if m else None
    except FileNotFoundError:
        return None


def fping(results, name):
    """fping's shards, run together and each alone in a namespace of its own: CPU and probes (kernel-counted) over
    the window, added up, and its own summary of each reply (each shard prints every reply at its end)."""
    cpu = sent = seconds = 0.0
    rss, rtts, summary_sent, lost = 0.0, [], 0, 0
    try:
        with open(f"{results}/{name}.fping.shards") as f:
            shards = int(f.read())
    except FileNotFoundError:
        return None
    windows = [Window(results, f"{name}.fping{s}") for s in range(shards) if exists(results, f"{name}.fping{s}")]
    for w in windows:
        cpu, sent, rss = cpu + w.cpu, sent + w.sent, rss + w.hwm
    seconds = statistics.fmean(w.seconds for w in windows) if windows else 0.0
    for shard in range(shards):
        path = f"{results}/{name}.fping{shard}"
        if os.path.exists(path):
            with open(path) as f:
                for line in f:
                    if " : " in line:
                        for value in line.split(" : ", 1)[1].split():
                            summary_sent += 1
                            lost += value == "-"
                            if value != "-":
                                rtts.append(float(value))
    return {"cpu": cpu * 1e6 / sent if sent else float("nan"), "rate": sent / seconds if seconds else float("nan"),
            "seconds": seconds, "sent": summary_sent, "loss": 100 * lost / summary_sent if summary_sent else float("nan"),
            "median": median(rtts), "p99": percentile(rtts, 99), "rss": rss, "shards": shards,
            "measured": len(windows)}


def scales(results):
    names = sorted((n[:-5] for n in os.listdir(results) if n.startswith("scale") and n.endswith(".case")),
                   key=lambda n: int(n[5:]))
    rows = []
    for name in names:
        if not exists(results, name):
            continue
        hosts, interval, numpings = case(results, name)
        w = Window(results, name)
        p = ping_figures(bursts_in(results, name, w), numpings)
        rows.append((hosts, interval, numpings, w, p, fping(results, name)))
    if not rows:
        return
    print("### (b) Scale on loopback: connmonitor alone, then fping alone, the same addresses and rate per host\n")
    print("connmonitor: `ping=INTERVAL numpings=10`, measured over the window after its warm-up. fping: "
          "`fping -C COUNT -p INTERVAL/10 -i 0` for as long, measured over the same window. One fping may reuse a "
          "sequence number only after 10 s and has 65,535, so it cannot keep up more than 6,553 probes a second: the "
          "addresses are split into shards of at most 5,000 probes a second, one fping each, started together, each "
          "alone in a network namespace of its own (no shard receives another's replies); their CPU, probes and "
          "memory are added up. These fping processes are the only tools that run at the same time, and only with "
          "each other. Probes/s and CPU per probe use the requests the kernel counted in each tool's own "
          "namespace.\n")
    print("| hosts | tool | probes/s sent (window) | loss % | median RTT ms | p99 ms | CPU µs/probe | ratio to fping "
          "| RSS MB (peak) | burst start late, p99 / max ms |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for hosts, interval, numpings, w, p, f in rows:
        late = [x - interval for x in p["spacing"]]
        print(f"| {hosts} | connmonitor, `ping={interval}` | {w.rate():.0f} ({w.seconds:.0f} s) | {p['loss']:.3f} "
              f"| {p['median']:.4f} | {p['p99']:.3f} (burst maxima) | {w.per_probe_us():.2f} "
              f"| {w.per_probe_us() / f['cpu'] if f else float('nan'):.2f} | {w.rss:.0f} ({w.hwm:.0f}) "
              f"| {percentile(late, 99):.2f} / {max(late) if late else float('nan'):.2f} |")
        if f:
            print(f"| {hosts} | fping `-p {max(1, round(interval / numpings))}`, {f['shards']} shard{'s' if f['shards'] > 1 else ''} "
                  f"({f['measured']} measured) | {f['rate']:.0f} ({f['seconds']:.0f} s) "
                  f"| {f['loss']:.3f} | {f['median']:.4f} | {f['p99']:.3f} (probes) | {f['cpu']:.2f} | 1 "
                  f"| ({f['rss']:.0f}) | |")
    print()


def first_record_ms(results, name):
    with open(f"{results}/{name}.exec") as f:
        started = int(f.read()) / 1e6
    first = next((r for r in records(f"{results}/{name}.out")), None)
    return first["timestamp"] - started if first else float("nan")


def big(results):
    if not exists(results, "big"):
        return
    hosts, interval, numpings = case(results, "big")
    w = Window(results, "big")
    p = ping_figures(bursts_in(results, "big", w), numpings)
    due = hosts * w.seconds * 1000 / interval
    late = [x - interval for x in p["spacing"]]
    print(f"### (c) {hosts:,} loopback hosts, `ping={interval} numpings={numpings}`, alone\n")
    print("Due bursts: each host once per interval over the window; made: records printed in it.\n")
    print("| probes/s sent | bursts due | bursts made (%) | loss % | median ms | p99 of burst maxima ms | CPU µs/probe "
          "| RSS MB (peak) | first record after (ms) | burst start late, p99 / max ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {w.rate():.0f} | {due:.0f} | {p['bursts']} ({100 * p['bursts'] / due:.1f}) | {p['loss']:.3f} "
          f"| {p['median']:.4f} | {p['p99']:.3f} | {w.per_probe_us():.2f} | {w.rss:.0f} ({w.hwm:.0f}) "
          f"| {first_record_ms(results, 'big'):.0f} | {percentile(late, 99):.2f} / "
          f"{max(late) if late else float('nan'):.2f} |\n")


def mixed(results):
    if not exists(results, "mixed"):
        return
    hosts, tracing, scanning, span = case(results, "mixed")
    w = Window(results, "mixed")
    inside = [r for r in records(f"{results}/mixed.out") if w.start_ms <= r["timestamp"] <= w.end_ms]
    pings = [r for r in inside if "ping" in r]
    local = ping_figures([r for r in pings if r["addr"].startswith("127.")], 10)
    testnet = ping_figures([r for r in pings if not r["addr"].startswith("127.")], 10)
    traces, scans = sum("trace" in r for r in inside), sum("scan" in r for r in inside)
    wire = []
    if os.path.exists(f"{results}/mixed.wire"):
        with open(f"{results}/mixed.wire") as f:
            wire = [json.loads(line) for line in f]
    differences = [r["difference_median_us"] for r in wire if r.get("difference_median_us") is not None]
    due = hosts * w.seconds
    print(f"### (d) Mixed load: {hosts:,} hosts at `ping=1000 numpings=10`, {tracing} tracing and {scanning} scanning "
          f"every {span} s, alone\n")
    print(f"{hosts - tracing - scanning:,} hosts on loopback; the tracing and scanning hosts on the test network "
          "(traces to cmt-web and cmt-far, scans of cmt-web's HTTP, HTTPS and MariaDB), so this case runs in the "
          "machine's namespace and its kernel counters are the machine's. Traces print only when the route changes, "
          "so the traces' work shows in the time-exceeded answers the kernel received. "
          f"A capture of {len(wire)} loopback hosts holds their bursts against the wire. "
          "CPU per probe includes the traces and scans.\n")
    print("| probes/s sent | bursts due | made (%) | loss % loopback / test network | median ms loopback / test network "
          "| p99 of burst maxima ms | connmonitor − wire per burst, median of hosts' medians (µs) | time-exceeded "
          "answers (trace records) | scan records | CPU µs/probe | RSS MB (peak) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    made = local["bursts"] + testnet["bursts"]
    print(f"| {w.rate():.0f} | {due:.0f} | {made} ({100 * made / due:.1f}) | {local['loss']:.3f} / {testnet['loss']:.3f} "
          f"| {local['median']:.4f} / {testnet['median']:.4f} | {max(local['p99'], testnet['p99']):.3f} "
          f"| {fmt(median(differences), 2, '+')} | {w.exceeded} ({traces}) | {scans} | {w.per_probe_us():.2f} "
          f"| {w.rss:.0f} ({w.hwm:.0f}) |\n")


def startup(results):
    rows = [(name, first_record_ms(results, name)) for name in ("start1", "start10000", "start1000")
            if os.path.exists(f"{results}/{name}.out")]
    if rows:
        print("### (e) Start-up: from exec to the first record (its own timestamp), alone\n")
        print("| hosts | first record after (ms) |")
        print("|---:|---:|")
        for name, ms in rows:
            print(f"| {int(name[5:]):,} | {ms:.0f} |")
        print()


def start_delays(hosts, delays):
    """The monitor's own histogram of how late its runs started (cumulative counts by upper bound, in seconds)."""
    buckets = sorted((float(bound), count) for bound, count in delays["start_delays"].items())
    total = buckets[-1][1] if buckets else 0
    if not total:
        return
    p99 = next(bound for bound, count in buckets if count >= 0.99 * total)
    print(f"### How late the bursts started, measured inside the process: {hosts:,} loopback hosts, "
          "`ping=1000 numpings=10`\n")
    print(f"The monitor's `connmonitor_probe_run_start_delay_seconds` histogram (each run's start against its due "
          f"time, taken on its event loop as it starts), over {delays['window']} s in the scrape case's process "
          f"(`--listen`) after its warm-up: {total:,.0f} runs. The histogram is read by a scrape, which delays the "
          "runs due while it holds the hosts' series; those runs start inside the window and are counted, so the "
          "shares bound the delays without scrapes from below.\n")
    print("| started within (ms) | " + " | ".join(f"{bound * 1000:g}" for bound, _ in buckets) + " |")
    print("|---|" + "---:|" * len(buckets))
    print("| share of the runs % | " + " | ".join(f"{100 * count / total:.3f}" for _, count in buckets) + " |")
    print(f"\n99 % of the runs started within {p99 * 1000:g} ms of their time.\n")


def scrapes(results):
    names = [n for n in os.listdir(results) if n.startswith("scrape") and n.endswith(".json")]
    if not names:
        return
    with open(f"{results}/{names[0]}") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    hosts = int(names[0][6:-5])
    delays = next((row for row in rows if "start_delays" in row), None)
    rows = [row for row in rows if "format" in row]
    if delays:
        start_delays(hosts, delays)
    print(f"### (f) The metrics endpoint: a scrape of /metrics at {hosts:,} loopback hosts (`ping=1000 numpings=10`)\n")
    print(f"Medians of {rows[0]['scrapes']} scrapes a second apart. CPU from the threads' schedstat: the worker thread "
          "that writes the scrape, the VM thread (the collector's pauses meanwhile), and the whole process beyond its "
          f"rate without scrapes ({rows[0]['baseline_cpu'] * 1000:.0f} ms a second, pinging the hosts).\n")
    print("| format | samples | bytes | answered in (ms), median / max | worker CPU (ms) | GC (ms) | process CPU beyond "
          "its rate (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['format']} | {row['samples']} | {row['bytes']} | {row['wall_median'] * 1000:.0f} / "
              f"{row['wall_max'] * 1000:.0f} | {row['worker_median'] * 1000:.0f} | {row['gc_median'] * 1000:.0f} | "
              f"{row['excess_median'] * 1000:.0f} |")
    print()


def main():
    results, java_opts = sys.argv[1], sys.argv[2]
    with open("/proc/cpuinfo") as f:
        model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "unknown")
    with open(f"{results}/window") as f:
        warmup, seconds = f.read().split()
    print("# Benchmark: connmonitor, fping and iputils ping, each alone (`bench/run`)\n")
    print(f"Machine: {os.cpu_count()} cores ({model}), kernel {os.uname().release}; JVM options `{java_opts}`; "
          f"warm-up {warmup} s excluded, then a steady-state window of {seconds} s unless a case says otherwise.\n")
    print(" ".join(__doc__.split("\n\n")[1].split()) + "\n")
    truth(results)
    scales(results)
    big(results)
    mixed(results)
    startup(results)
    scrapes(results)


main()
