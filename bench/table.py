"""Reads what bench/run wrote and prints the benchmark's table (Markdown).

connmonitor prints one record per burst, not one per probe: its median RTT is the median of the bursts' averages,
and its p99 the 99th percentile of the bursts' maxima, which bounds the probes' p99 from above (at most 1 % of the
bursts have a maximum over it, so at most 1 % of the probes are over it). How late a burst started is read from
the records: the time between two records of a host, less the interval and the later burst's own duration (its
maximum RTT), for bursts that lost nothing; it includes the output's own jitter, so it bounds the lateness from
above.
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


def records(path):
    out = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError:
                    pass
    return out


def sample(path):
    with open(path) as f:
        ticks, rss, hwm, ns = f.read().split()
    return int(ticks), int(rss), int(hwm), int(ns)


def window(results, name):
    start, end = sample(f"{results}/{name}.start"), sample(f"{results}/{name}.end")
    return start, end


def truth(results):
    if not os.path.exists(f"{results}/truth.out"):
        return
    rows = []
    by_host = {}
    for r in records(f"{results}/truth.out"):
        if "ping" in r and r["ping"]["loss"] == 0:
            by_host.setdefault(r["addr"], []).append(r["ping"]["avg"])
    for host, avgs in by_host.items():
        median = statistics.median(avgs)
        ping_avg, warm_avg = ping_average(results, "ping", host), ping_average(results, "warmping", host)
        rows.append((host, len(avgs), median, ping_avg, (median - ping_avg) * 1000, warm_avg))
    print("### (a) Truth: `ping=200 numpings=10`, 40 s, beside iputils `ping -i 0.2` (and `ping -i 0.005`)\n")
    print("| host | bursts | connmonitor median burst avg (ms) | iputils ping avg (ms) | difference (µs) "
          "| iputils ping every 5 ms, avg (ms) |")
    print("|---|---:|---:|---:|---:|---:|")
    for host, n, median, ping_avg, diff, warm_avg in rows:
        print(f"| {host} | {n} | {median:.4f} | {ping_avg:.4f} | {diff:+.1f} | {warm_avg:.4f} |")
    print()


def ping_average(results, kind, host):
    try:
        with open(f"{results}/truth.{kind}.{host}") as f:
            m = re.search(r"= [\d.]+/([\d.]+)/", f.read())
            return float(m.group(1)) if m else float("nan")
    except FileNotFoundError:
        return float("nan")


def fping_stats(results, name):
    rtts, sent, lost = [], 0, 0
    with open(f"{results}/{name}.fping") as f:
        for line in f:
            if " : " not in line:
                continue
            for value in line.split(" : ", 1)[1].split():
                sent += 1
                if value == "-":
                    lost += 1
                else:
                    rtts.append(float(value))
    return rtts, sent, lost


def scale(results, hosts, interval, numpings):
    name = f"scale{hosts}"
    if not os.path.exists(f"{results}/{name}.out"):
        return None
    (t0, _, _, ns0), (t1, rss, hwm, ns1) = window(results, f"{name}.cpu")
    lo, hi = ns0 / 1e6, ns1 / 1e6
    bursts = [r for r in records(f"{results}/{name}.out") if "ping" in r and lo <= r["timestamp"] <= hi]
    probes = len(bursts) * numpings
    lost = sum(r["ping"]["loss"] for r in bursts) / 100 * numpings
    avgs = [r["ping"]["avg"] for r in bursts if r["ping"]["loss"] < 100]
    maxima = [r["ping"]["max"] for r in bursts if r["ping"]["loss"] < 100]
    cpu_us = (t1 - t0) / HZ * 1e6 / probes if probes else float("nan")
    late = []
    last = {}
    for r in sorted(bursts, key=lambda r: r["timestamp"]):
        previous = last.get(r["addr"])
        if previous and previous["ping"]["loss"] == 0 and r["ping"]["loss"] == 0:
            late.append(r["timestamp"] - previous["timestamp"] - interval - r["ping"]["max"])
        last[r["addr"]] = r
    f_rtts, f_sent, f_lost = fping_stats(results, name)
    f_cpu = float("nan")
    try:
        with open(f"{results}/{name}.fping.time") as f:
            user, system = (float(x) for x in f.read().split()[-2:])
        f_cpu = (user + system) * 1e6 / f_sent if f_sent else float("nan")
    except (FileNotFoundError, ValueError):
        pass
    return {
        "hosts": hosts, "rate": hosts * numpings * 1000 / interval, "probes": probes,
        "loss": 100 * lost / probes if probes else float("nan"),
        "median": statistics.median(avgs) if avgs else float("nan"), "p99": percentile(maxima, 99),
        "cpu": cpu_us, "rss": rss / 1024, "hwm": hwm / 1024,
        "late99": percentile(late, 99), "latemax": max(late) if late else float("nan"),
        "f_loss": 100 * f_lost / f_sent if f_sent else float("nan"),
        "f_median": statistics.median(f_rtts) if f_rtts else float("nan"), "f_p99": percentile(f_rtts, 99),
        "f_cpu": f_cpu,
    }


def scales(results):
    rows = [row for row in (scale(results, 1000, 500, 10), scale(results, 5000, 1000, 10),
                            scale(results, 10000, 1000, 10)) if row]
    if not rows:
        return
    print("### (b) Scale: loopback hosts, 40 s; beside them fping at the same rate per host (`-p interval/numpings -i 0`),\n"
          "for 60,000 probes (its sequence numbers run out beyond)\n")
    print("| hosts | probes/s | loss % (fping) | median ms (fping) | p99 ms (fping) | CPU µs/probe (fping, ratio) "
          "| RSS MB (peak) | burst start late p99 / max ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['hosts']} | {r['rate']:.0f} | {r['loss']:.3f} ({r['f_loss']:.3f}) "
              f"| {r['median']:.4f} ({r['f_median']:.4f}) | {r['p99']:.3f} ({r['f_p99']:.3f}) "
              f"| {r['cpu']:.2f} ({r['f_cpu']:.2f}, {r['cpu'] / r['f_cpu']:.2f}) "
              f"| {r['rss']:.0f} ({r['hwm']:.0f}) | {r['late99']:.2f} / {r['latemax']:.2f} |")
    print()


def startup(results):
    rows = []
    for name, hosts in (("start1", 1), ("start10000", 10000)):
        path = f"{results}/{name}.first"
        if os.path.exists(path):
            with open(path) as f:
                rows.append((hosts, int(f.read().strip())))
    if rows:
        print("### (c) Start-up: from exec to the first record on stdout\n")
        print("| hosts | first record after (ms) |")
        print("|---:|---:|")
        for hosts, ms in rows:
            print(f"| {hosts} | {ms} |")
        print()


def scrapes(results):
    path = f"{results}/scrape10000.json"
    if not os.path.exists(path):
        return
    with open(path) as f:
        rows = [json.loads(line) for line in f if line.strip()]
    print("### (d) The metrics endpoint: a scrape of /metrics at 10,000 loopback hosts (`ping=1000 numpings=10`)\n")
    print("Medians of 20 scrapes a second apart. CPU from the threads' schedstat: the worker thread that writes the "
          "scrape, the VM thread (the collector's pauses meanwhile), and the whole process beyond its rate without "
          f"scrapes ({rows[0]['baseline_cpu'] * 1000:.0f} ms a second, pinging the hosts).\n")
    print("| format | samples | bytes | answered in (ms), median / max | worker CPU (ms) | GC (ms) | process CPU beyond "
          "its rate (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['format']} | {row['samples']} | {row['bytes']} | {row['wall_median'] * 1000:.0f} / "
              f"{row['wall_max'] * 1000:.0f} | {row['worker_median'] * 1000:.0f} | {row['gc_median'] * 1000:.0f} | "
              f"{row['excess_median'] * 1000:.0f} |")
    print()


def main():
    results, cores, java_opts = sys.argv[1], sys.argv[2], sys.argv[3]
    with open("/proc/cpuinfo") as f:
        model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "unknown")
    print("# Benchmark: connmonitor beside iputils ping and fping (`bench/run`)\n")
    print(f"Machine: {cores} cores ({model}), kernel {os.uname().release}; JVM options `{java_opts}`\n")
    print(" ".join(__doc__.split("\n\n", 1)[1].split()) + "\n")
    truth(results)
    scales(results)
    startup(results)
    scrapes(results)


main()
