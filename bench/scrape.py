"""Scrapes a running monitor's /metrics as Prometheus 2 does (asking for OpenMetrics first), or in the text format,
and measures each scrape: the time to the last byte, and the CPU it cost. The CPU comes from each thread's
schedstat (nanoseconds, not clock ticks): the worker thread that writes the scrape, the VM thread (the serial
collector's pauses) and, for the whole process, what it spent beyond its rate without scrapes (pinging thousands of
hosts meanwhile). Prints one JSON object per format, and first one of the monitor's own histogram of how late its
probe runs started over 30 s without other scrapes.

    python3 bench/scrape.py PID PORT SCRAPES
"""
import http.client
import json
import os
import statistics
import sys
import time

# Seconds between the two readings of the monitor's start-delay histogram, without other scrapes.
DELAY_WINDOW = 30
PROMETHEUS_ACCEPT = ("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                     "text/plain;version=0.0.4;q=0.5,*/*;q=0.1")


def threads(pid):
    """Per thread: its name and the CPU it has run, in ns."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                out[tid] = (name, int(f.read().split()[0]))
        except FileNotFoundError:
            pass
    return out


def spent(before, after, prefix=""):
    return sum(ns - before.get(tid, (name, 0))[1] for tid, (name, ns) in after.items() if name.startswith(prefix)) / 1e9


def scrape(port, accept):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/metrics", headers={"Accept": accept} if accept else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def measure(pid, port, count, accept, baseline):
    rows = []
    for _ in range(count):
        before, start = threads(pid), time.monotonic()
        status, body = scrape(port, accept)
        wall = time.monotonic() - start
        after = threads(pid)
        if status != 200:
            sys.exit(f"scrape answered {status}")
        rows.append({"wall": wall, "worker": spent(before, after, "vert.x-worker"), "gc": spent(before, after, "VM Thread"),
                     "excess": spent(before, after) - baseline * wall, "bytes": len(body),
                     "samples": sum(1 for line in body.splitlines() if line and not line.startswith(b"#"))})
        # Prometheus scrapes on an interval, not back to back: the monitor goes on pinging in between.
        time.sleep(1)
    median = {key: statistics.median(row[key] for row in rows) for key in rows[0]}
    return {"format": "OpenMetrics" if accept else "text 0.0.4", "scrapes": count, "wall_median": median["wall"],
            "wall_max": max(row["wall"] for row in rows), "worker_median": median["worker"], "gc_median": median["gc"],
            "excess_median": median["excess"], "bytes": rows[-1]["bytes"], "samples": rows[-1]["samples"]}


def start_delays(port):
    """The monitor's own histogram of how late its probe runs started: {upper bound (s): runs within it}."""
    status, body = scrape(port, None)
    buckets = {}
    for line in body.decode().splitlines():
        if line.startswith("connmonitor_probe_run_start_delay_seconds_bucket{"):
            bound = line.split('le="', 1)[1].split('"', 1)[0]
            buckets[float(bound)] = float(line.rsplit(" ", 1)[1])
    return buckets


def main():
    pid, port, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    for warm_up in range(5):
        scrape(port, PROMETHEUS_ACCEPT)
        time.sleep(1)
    # Reading the histogram is a scrape, which holds each host's series for a moment and so delays the runs due
    # meanwhile: the runs it delays start after it was read, inside the window. A long window dilutes them; they stay
    # counted, so the figures bound the delays without scrapes from above.
    delays_before = start_delays(port)
    before, start = threads(pid), time.monotonic()
    time.sleep(10)
    baseline = spent(before, threads(pid)) / (time.monotonic() - start)
    time.sleep(DELAY_WINDOW - 10)
    delays_after = start_delays(port)
    print(json.dumps({"start_delays": {str(b): delays_after[b] - delays_before.get(b, 0) for b in sorted(delays_after)},
                      "window": DELAY_WINDOW}))
    for accept in (PROMETHEUS_ACCEPT, None):
        print(json.dumps({"baseline_cpu": baseline, **measure(pid, port, count, accept, baseline)}))


main()
