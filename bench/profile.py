"""Summarises the profiles of `bench/run profile` (Markdown): where the CPU goes in the steady state and how many
bytes a probe allocates.

    python3 bench/profile.py RESULTS

For each profileN in RESULTS: N.case (hosts, interval, numpings), N.start/N.end (bench/sample over the recorded
window: CPU, and the echo requests the kernel counted in the monitor's own namespace), N.cpu-S.collapsed
(async-profiler's CPU samples of second S, every millisecond of CPU a thread used, kernel frames included; the
warm-up's seconds left out) and N.json (`jfr print --json` of a flight recording of the same window). Hot frames:
the samples by their top frame, and by the first frame of connmonitor's own code from the top of the stack (what of
ours led there); each thread's CPU from its schedstat over the window, threads of one kind together; JFR's own
execution samples only when async-profiler is missing. Allocation: every Java thread's allocated bytes at the
recording's start and end (jdk.ThreadAllocationStatistics), and, as a check, the heap's growth between young
collections (before the next collection less after the last); each divided by the probes sent.
"""
import collections
import json
import os
import re
import sys

HZ = os.sysconf("SC_CLK_TCK")
OURS = "net.connmonitor."


LAMBDA = re.compile(r"\$\$Lambda\$\d+\+0x[0-9a-f]+/\d+")
LAMBDA_SHORT = re.compile(r"\$\$Lambda\$\d+(?:\+0x[0-9a-f]+)?(?:\.0x[0-9a-f]+)?(?:/\d+)?")


def frame_name(frame):
    """class.method, with dots, and a lambda's class without the numbers that differ from run to run."""
    method = frame["method"]
    return LAMBDA.sub("$$Lambda", method["type"]["name"]).replace("/", ".") + "." + method["name"]


def frames(event):
    trace = event["values"].get("stackTrace") or {}
    return [frame_name(f) for f in trace.get("frames", [])]


def first_ours(stack):
    return next((f for f in stack if f.startswith(OURS)), "(no connmonitor frame)")


def seconds(duration):
    """JFR's JSON durations are ISO-8601 ("PT0.00345S") or nanoseconds."""
    if isinstance(duration, (int, float)):
        return duration / 1e9
    m = re.fullmatch(r"PT(?:(\d+)M)?([\d.]+)S", duration)
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) if m else float("nan")


def top(counter, total, count):
    return [(name, n, 100 * n / total) for name, n in counter.most_common(count)]


def table(title, unit, rows, digits=0):
    print(f"| {title} | {unit} | share % |")
    print("|---|---:|---:|")
    for name, n, share in rows:
        print(f"| `{name}` | {n:,.{digits}f} | {share:.1f} |")
    print()


def window(results, name):
    with open(f"{results}/{name}.start") as f:
        start = [int(x) for x in f.read().split()]
    with open(f"{results}/{name}.end") as f:
        end = [int(x) for x in f.read().split()]
    return (end[0] - start[0]) / HZ, end[4] - start[4], (end[3] - start[3]) / 1e9, end[1] / 1024


def summarise(results, name):
    with open(f"{results}/{name}.case") as f:
        hosts, interval, numpings = (int(x) for x in f.read().split())
    cpu, sent, span, rss = window(results, name)
    with open(f"{results}/{name}.json") as f:
        events = json.load(f)["recording"]["events"]
    by_type = collections.defaultdict(list)
    for event in events:
        by_type[event["type"]].append(event)

    print(f"## {hosts:,} loopback hosts, `ping={interval} numpings={numpings}`\n")
    print(f"Recorded window {span:.0f} s: {sent:,} probes sent ({sent / span:,.0f}/s), CPU {cpu:.2f} s "
          f"({cpu * 1e6 / sent:.2f} µs a probe, the recording's own cost included), RSS {rss:.0f} MB.\n")

    busy = thread_cpu(results, name)
    if busy:
        total = sum(busy.values())
        print(f"### CPU by thread (schedstat, over the window): {total:.2f} s\n")
        table("thread (numbers folded)", "CPU s", [(t, s, 100 * s / total) for t, s in busy.most_common(10)], 2)
    cpu_samples = collapsed(results, name)
    if cpu_samples:
        total = sum(cpu_samples.values())
        leaves, ours, kernel = collections.Counter(), collections.Counter(), 0
        for stack, n in cpu_samples.items():
            frames_ = stack.split(";")
            leaves[frames_[-1]] += n
            ours[next((f for f in reversed(frames_) if f.startswith(OURS)), "(no connmonitor frame)")] += n
            kernel += n if frames_[-1].endswith("_[k]") else 0
        print(f"### CPU samples (async-profiler, every 1 ms of CPU, over the window): {total:,}\n")
        print(f"In the kernel: {100 * kernel / total:.1f} % of the samples (frames marked `_[k]`).\n")
        table("top frame", "samples", top(leaves, total, 20))
        table("first connmonitor frame from the top of the stack", "samples", top(ours, total, 20))
    java = by_type["jdk.ExecutionSample"]
    if len(java) < span * 10 and not cpu_samples:
        # Seen with JDK 17 on a Firecracker VM: about one Java sample in 10 s of a busy event loop. The thread CPU
        # above and the allocation below do not depend on the sampler.
        print(f"JFR took only {len(java)} execution samples of Java code in {span:.0f} s: too few to rank frames "
              "(JDK 17's sampler takes almost none on this machine: docs/bench.md).\n")
    if len(java) >= span * 10:
        stacks = [frames(e) for e in java]
        print(f"### Java code: {len(java):,} execution samples\n")
        table("top frame", "samples", top(collections.Counter(s[0] for s in stacks if s), len(java), 15))
        table("first connmonitor frame on the stack", "samples",
              top(collections.Counter(first_ours(s) for s in stacks), len(java), 15))
    native = by_type["jdk.NativeMethodSample"]
    if native:
        print(f"### Native code: {len(native):,} samples of threads in native methods (waiting included)\n")
        table("top frame", "samples", top(collections.Counter(frames(e)[0] for e in native if frames(e)),
                                          len(native), 8))

    allocated = thread_allocation(by_type["jdk.ThreadAllocationStatistics"])
    growth, young, pauses = heap_growth(by_type["jdk.GCHeapSummary"], by_type["jdk.GarbageCollection"])
    print("### Allocation\n")
    print("| measure | bytes | bytes a probe |")
    print("|---|---:|---:|")
    if allocated is not None:
        print(f"| allocated by all threads (jdk.ThreadAllocationStatistics) | {allocated:,} | {allocated / sent:,.0f} |")
    if growth is not None:
        print(f"| heap growth between young collections | {growth:,} | {growth / sent:,.0f} |")
    print()
    if young:
        print(f"Young collections: {young} in {span:.0f} s (one every {span / young:.1f} s), pauses median "
              f"{1000 * sorted(pauses)[len(pauses) // 2]:.1f} ms, max {1000 * max(pauses):.1f} ms.\n")
    else:
        print(f"Young collections: none in {span:.0f} s.\n")

    samples = by_type["jdk.ObjectAllocationSample"]
    if samples:
        weight = sum(e["values"]["weight"] for e in samples)
        sites, ours = collections.Counter(), collections.Counter()
        for e in samples:
            stack = frames(e)
            kind = e["values"]["objectClass"]["name"].replace("/", ".")
            sites[f"{kind} at {stack[0] if stack else '?'}"] += e["values"]["weight"]
            ours[first_ours(stack)] += e["values"]["weight"]
        print(f"Allocation samples (jdk.ObjectAllocationSample, weighted by the bytes each stands for): "
              f"{len(samples):,}\n")
        table("class at its allocating frame", "bytes", top(sites, weight, 12))
        table("first connmonitor frame on the stack", "bytes", top(ours, weight, 12))


def collapsed(results, name):
    """async-profiler's CPU samples of the steady-state window: one collapsed-stacks file a second from the start, of
    which the warm-up's are left out ("stack count" lines, frames separated by ";")."""
    try:
        with open(f"{results}/window") as f:
            warmup, span = (int(x) for x in f.read().split())
    except FileNotFoundError:
        return None
    stacks = collections.Counter()
    for second in range(warmup, warmup + span):
        path = f"{results}/{name}.cpu-{second}.collapsed"
        if os.path.exists(path):
            with open(path) as f:
                for line in f:
                    stack, _, n = line.rstrip("\n").rpartition(" ")
                    if stack:
                        stacks[LAMBDA_SHORT.sub("$$Lambda", stack.replace("/", "."))] += int(n)
    return stacks


def thread_cpu(results, name):
    """CPU of each kind of thread over the window: "NAME<TAB>ns" lines at its start and end, per thread id."""
    def read(path):
        out = {}
        with open(path) as f:
            for line in f:
                tid, thread, ns = line.rstrip("\n").split("\t")
                out[tid] = (re.sub(r"\d+", "N", thread), int(ns))
        return out
    try:
        start, end = read(f"{results}/{name}.threads.start"), read(f"{results}/{name}.threads.end")
    except FileNotFoundError:
        return None
    busy = collections.Counter()
    for tid, (thread, ns) in end.items():
        busy[thread] += (ns - start.get(tid, (thread, 0))[1]) / 1e9
    return busy


def thread_allocation(events):
    """Bytes allocated over the recording: each thread's last figure less its first (0 for a thread seen once)."""
    if not events:
        return None
    first, last = {}, {}
    for e in sorted(events, key=lambda e: e["values"]["startTime"]):
        thread = e["values"]["thread"]
        key = thread.get("javaThreadId") or thread.get("osThreadId") or thread.get("javaName")
        first.setdefault(key, e["values"]["allocated"])
        last[key] = e["values"]["allocated"]
    return sum(last[k] - first[k] for k in last)


def heap_growth(summaries, collections_):
    used = collections.defaultdict(dict)
    for e in summaries:
        used[e["values"]["gcId"]][e["values"]["when"]] = e["values"]["heapUsed"]
    ids = sorted(used)
    growth = [used[b]["Before GC"] - used[a]["After GC"] for a, b in zip(ids, ids[1:])
              if "After GC" in used[a] and "Before GC" in used[b]]
    young = [e for e in collections_ if e["values"]["name"] in ("DefNew", "ParNew", "G1New", "Copy", "Scavenge",
                                                                 "PSYoungGen", "YoungGen")]
    pauses = [seconds(e["values"]["duration"]) for e in young]
    return (sum(growth) if growth else None), len(young), pauses


def main():
    results = sys.argv[1]
    names = sorted((n[:-5] for n in os.listdir(results) if n.startswith("profile") and n.endswith(".json")),
                   key=lambda n: int(n[7:]))
    print("# Profile: connmonitor's steady state (`bench/run profile`)\n")
    print(" ".join(__doc__.split("\n\n")[2].split()) + "\n")
    for name in names:
        summarise(results, name)


main()
