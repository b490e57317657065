#!/usr/bin/env python3
"""shall next to Spin and Alloy on seed 003, and a BMC depth sweep next to Alloy (issue 20).

    bench-peers/run.sh [scale] [--ns 1,2,4,8,16] [--reps 3] [--timeout 300]
                       [--property contexts|relocation] [--tools shall,spin-sessions,spin-roles,alloy]
    bench-peers/run.sh sweep [--depth 100] [--every 10] [--timeout 600]

scale: for each N (sessions/UEs) and each question -- the counterexample (rule7210=ignored) and
the proof (rule7210=applied), both with smcDuringRelocation=notStarted -- runs, back to back and
`--reps` times: shall (`./shall check --property P --instances N`, JVM start included), Spin (spin -a,
gcc, pan: exhaustive DFS, partial-order reduction on as by default; on the two Promela models) and
Alloy (`java -jar alloy.dist.jar exec -s sat4j -c CHECK`, JVM start included; the trace bound is
shall's counterexample depth + 1 states). Prints a table with the medians and the ratios peer/shall
and writes every run to bench-results/peers-<UTC>.csv (machine, commit, versions, load).

sweep: shall's BMC to --depth moves on rekey.shall (`./bench … sweep 1 DEPTH`, one incremental
solver, cumulative seconds) next to Alloy's `check … for K steps` for K = d + 1, d = every, 2*every, …
(each a fresh JVM; Alloy tries every trace length up to K). Writes bench-results/peers-sweep-<UTC>.csv.

Nothing here is a recorded figure: every number printed is measured by the run.
"""
import argparse
import csv
import datetime
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ALLOY_VERSION = "6.2.0"
ALLOY_ARTIFACT = "org.alloytools:org.alloytools.alloy.dist:" + ALLOY_VERSION
PROPERTIES = {"contexts": "contextsMatchAfterHandover", "relocation": "noRelocationDuringSmc"}
ALLOY_CHECKS = {("contexts", "cex"): "contextsMatchWithoutRule", ("contexts", "proof"): "contextsMatchWithRule",
                ("relocation", "cex"): "noRelocationWithoutRule", ("relocation", "proof"): "noRelocationWithRule"}
RULE = {"cex": "ignored", "proof": "applied"}
# the moves of the shortest counterexample (shall's BMC depth), for Alloy's bound when shall is not run
ALLOY_DEPTH = {"contexts": 9, "relocation": 3}


def sh(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def load1():
    try:
        return float(open("/proc/loadavg").read().split()[0])
    except OSError:
        return float("nan")


def timed(cmd, cwd=None, timeout=None, env=None):
    """Runs cmd; returns (seconds, completed process or None on time-out)."""
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, None
    return time.perf_counter() - start, p


def shall_java_home():
    p = sh(["sh", "-c", '. "$1/.mvn/select-jdk.sh"; shall_select_jdk >/dev/null && echo "$JAVA_HOME"', "sh", ROOT])
    return p.stdout.strip()


def java_version(home):
    p = sh([os.path.join(home, "bin", "java"), "-version"])
    return (p.stderr.splitlines() or ["?"])[0].strip()


def alloy_jar():
    jar = os.environ.get("ALLOY_JAR") or os.path.expanduser(
        "~/.m2/repository/org/alloytools/org.alloytools.alloy.dist/%s/org.alloytools.alloy.dist-%s.jar"
        % (ALLOY_VERSION, ALLOY_VERSION))
    if not os.path.isfile(jar):
        print("fetching %s from Maven Central (mvn dependency:get)" % ALLOY_ARTIFACT, file=sys.stderr)
        sh([os.path.join(ROOT, "mvnw"), "-q", "dependency:get", "-Dartifact=" + ALLOY_ARTIFACT, "-Dtransitive=false"],
           cwd=ROOT)
    if not os.path.isfile(jar):
        sys.exit("no Alloy jar at %s (set ALLOY_JAR)" % jar)
    return jar


def machine():
    commit = sh(["git", "-C", ROOT, "rev-parse", "--short=12", "HEAD"]).stdout.strip()
    if sh(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"]).stdout.strip():
        commit += "+modified"
    cpu = ""
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {"commit": commit, "host": platform.node(), "cpu": cpu, "processors": os.cpu_count()}


def versions(java_home, jar):
    spin = sh(["spin", "-V"]).stdout.strip() if shutil.which("spin") else "absent"
    gcc = sh(["gcc", "--version"]).stdout.splitlines()[0] if shutil.which("gcc") else "absent"
    alloy = sh([os.path.join(java_home, "bin", "java"), "-jar", jar, "version"]).stdout.strip().splitlines()
    shall = sh([os.path.join(ROOT, "shall"), "--version"]).stdout.strip()
    return {"shall": shall or "?", "java": java_version(java_home), "spin": spin, "gcc": gcc,
            "alloy": "%s (%s, %s)" % ((alloy or ["?"])[-1], ALLOY_ARTIFACT, os.path.basename(jar))}


def wait_for_aot_cache(seconds=180):
    """The launcher trains its AOT cache in the background on the first run after a build (ADR 0020);
    users' later runs have it, so the figures are taken once it is in place."""
    cds = os.environ.get("SHALL_CDS_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "shall", "cds")
    deadline = time.time() + seconds
    while glob.glob(os.path.join(cds, "*.lock")) and time.time() < deadline:
        time.sleep(2)


# ---------------------------------------------------------------------------------------------
# the three tools, one run each

def run_shall(model, prop, question, n, timeout):
    cmd = [os.path.join(ROOT, "shall"), "check", "-q", "--format", "json", "--property", PROPERTIES[prop],
           "--option", "rule7210=" + RULE[question], "--option", "smcDuringRelocation=notStarted",
           "--instances", str(n), "--timeout", str(timeout), model]
    secs, p = timed(cmd, cwd=ROOT, timeout=timeout + 60)
    if p is None:
        return {"seconds": secs, "verdict": "timeout"}
    try:
        r = json.loads(p.stdout)["results"][0]
    except (ValueError, KeyError, IndexError):
        return {"seconds": secs, "verdict": "error", "detail": (p.stderr or p.stdout)[-300:]}
    return {"seconds": secs, "verdict": r["verdict"], "bound": r.get("bound"), "engine": r.get("engine"),
            "inner": r.get("seconds"), "detail": "%s, k=%s, %s" % (r.get("engine"), r.get("bound"),
                                                                   r.get("certificate", {}).get("kind"))}


def run_spin(work, pml, timeout):
    """spin -a, gcc, pan; total time and pan's alone. Exhaustive DFS (-DSAFETY: no cycle detection, which
    the safety question does not need); partial-order reduction as Spin does by default."""
    d = os.path.join(work, os.path.basename(pml)[:-4])
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    shutil.copy(pml, d)
    total = 0.0
    steps = [["spin", "-a", os.path.basename(pml)],
             ["gcc", "-O2", "-DSAFETY", "-DMEMLIM=4096", "-DVECTORSZ=4096", "-o", "pan", "pan.c"],
             ["./pan"]]
    for cmd in steps:
        secs, p = timed(cmd, cwd=d, timeout=max(1.0, timeout - total))
        total += secs
        if p is None:
            return {"seconds": total, "verdict": "timeout"}
        if cmd[0] != "./pan" and p.returncode != 0:
            return {"seconds": total, "verdict": "error", "detail": (p.stderr or p.stdout)[-300:]}
    out = p.stdout + p.stderr
    errors = int(re.search(r"errors: (\d+)", out).group(1)) if re.search(r"errors: (\d+)", out) else -1
    stored = re.search(r"(\d+) states, stored", out)
    depth = re.search(r"depth reached (\d+)", out)
    if "assertion violated" in out:
        verdict = "violated"
    elif errors == 0 and "Search not completed" not in out:
        verdict = "holds"
    else:
        verdict = "unknown"
        if "MEMLIM" in out or "out of memory" in out:
            verdict = "unknown (out of memory)"
        elif "too small" in out:
            verdict = "unknown (%s)" % re.search(r".*too small.*", out).group(0).strip()[:60]
    detail = "%s states, depth %s" % (stored.group(1) if stored else "?", depth.group(1) if depth else "?")
    shutil.rmtree(d, ignore_errors=True)
    return {"seconds": total, "inner": secs, "verdict": verdict, "states": int(stored.group(1)) if stored else None,
            "detail": detail}


def run_alloy(java, jar, work, als, check, timeout):
    out = os.path.join(work, "alloy-out")
    cmd = [java, "--enable-native-access=ALL-UNNAMED", "-Xmx8g", "-jar", jar, "exec", "-f", "-s", "sat4j",
           "-c", check, "-t", "none", "-o", out, als]
    secs, p = timed(cmd, cwd=work, timeout=timeout)
    if p is None:
        return {"seconds": secs, "verdict": "timeout"}
    # the summary line, "00. check NAME   0    1/1     SAT" (a counterexample) or "…   UNSAT" (none within
    # the bound), goes to standard output or, with -o, to standard error
    m = re.search(r"check %s\s.*?\b(UNSAT|SAT)\s*$" % re.escape(check), p.stdout + "\n" + p.stderr, re.M)
    if not m:
        return {"seconds": secs, "verdict": "error", "detail": (p.stderr + p.stdout)[-300:]}
    verdict = "holds" if m.group(1) == "UNSAT" else "violated"
    return {"seconds": secs, "verdict": verdict, "detail": "SAT4J, " + m.group(1)}


# ---------------------------------------------------------------------------------------------

def median(xs):
    return statistics.median(xs) if xs else None


def fmt(x):
    return "-" if x is None else ("%.2f" % x if x < 100 else "%.0f" % x)


def scale(args):
    ns = [int(x) for x in args.ns.split(",")]
    tools = args.tools.split(",")
    java_home = shall_java_home()
    java = os.path.join(java_home, "bin", "java")
    jar = alloy_jar()
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    results = os.path.join(ROOT, "bench-results")
    work = os.path.join(results, "peers-work")
    models = os.path.join(work, "models")
    os.makedirs(models, exist_ok=True)
    model = os.path.join(HERE, "smc-handover.shall")
    info = machine()
    vers = versions(java_home, jar)
    print("machine: %(host)s, %(cpu)s, %(processors)s processors; commit %(commit)s" % info)
    for k, v in vers.items():
        print("  %-6s %s" % (k, v))
    # warm-up: the launcher's class cache (trained in the background on the first run after a build)
    run_shall(model, args.property, "cex", 1, args.timeout)
    wait_for_aot_cache()
    rows = []
    given_up = set()
    csv_path = os.path.join(results, "peers-%s.csv" % stamp)
    fields = ["utc", "commit", "host", "cpu", "processors", "tool", "version", "question", "property", "options",
              "n", "rep", "verdict", "detail", "seconds", "inner_seconds", "load_before", "load_after", "bound"]
    with open(csv_path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        for n in ns:
            depth = None   # shall's counterexample depth at this N: Alloy's bound for both questions
            for question in ("cex", "proof"):
                for rep in range(1, args.reps + 1):
                    for tool in tools:
                        if (tool, question) in given_up:
                            continue
                        before = load1()
                        if tool == "shall":
                            r = run_shall(model, args.property, question, n, args.timeout)
                            if question == "cex" and r.get("bound"):
                                depth = r["bound"]
                            version = vers["shall"]
                        elif tool.startswith("spin-"):
                            variant = tool[len("spin-"):]
                            subprocess.run([os.path.join(HERE, "gen.sh"), models, str(n)], check=True)
                            pml = os.path.join(models, "smc-handover-%s-%d-%s-%s.pml" % (variant, n, question,
                                                                                          args.property))
                            r = run_spin(work, pml, args.timeout)
                            version = vers["spin"]
                        else:
                            # Alloy's trace bound: the states of shall's counterexample (its moves + 1)
                            steps = (depth or args.alloy_depth or ALLOY_DEPTH[args.property]) + 1
                            subprocess.run([os.path.join(HERE, "gen.sh"), models, str(n), str(steps)], check=True)
                            als = os.path.join(models, "smc-handover-%d-%d.als" % (n, steps))
                            r = run_alloy(java, jar, work, als, ALLOY_CHECKS[(args.property, question)], args.timeout)
                            r["bound"] = steps
                            version = vers["alloy"]
                        after = load1()
                        row = {"utc": stamp, "tool": tool, "version": version, "question": question,
                               "property": PROPERTIES[args.property],
                               "options": "rule7210=%s,smcDuringRelocation=notStarted" % RULE[question], "n": n,
                               "rep": rep, "verdict": r["verdict"], "detail": r.get("detail", ""),
                               "seconds": round(r["seconds"], 3),
                               "inner_seconds": None if r.get("inner") is None else round(r["inner"], 3),
                               "load_before": before, "load_after": after, "bound": r.get("bound")}
                        row.update(info)
                        w.writerow(row)
                        f.flush()
                        rows.append(row)
                        print("  N=%-3d %-5s rep %d  %-14s %-10s %8.2f s  %s" % (n, question, rep, tool, r["verdict"],
                                                                              r["seconds"], r.get("detail", "")),
                              flush=True)
                        if r["verdict"] in ("timeout", "error") or r["verdict"].startswith("unknown"):
                            given_up.add((tool, question))   # larger N would only take longer
    table(rows, tools, ns)
    print("\nrows: %s" % os.path.relpath(csv_path, ROOT))


def table(rows, tools, ns):
    def cell(tool, n, q, key="seconds"):
        rs = [r for r in rows if r["tool"] == tool and r["n"] == n and r["question"] == q]
        ok = [r for r in rs if r["verdict"] in ("holds", "violated")]
        if not rs:
            return None, "skipped"
        if not ok:
            return None, rs[0]["verdict"]
        vals = [r[key] for r in ok if r[key] is not None]
        return median(vals), ok[0]["verdict"]

    for q, title in (("cex", "counterexample (rule7210=ignored)"), ("proof", "proof (rule7210=applied)")):
        print("\n%s, median seconds of %s, JVM start included; ratio = peer / shall" %
              (title, "the runs"))
        head = "%4s" % "N" + "".join(" %16s" % t for t in tools) + "".join(
            " %15s" % ("%s/shall" % t.replace("spin-", "spin:")) for t in tools if t != "shall")
        print(head)
        for n in ns:
            base, _ = cell("shall", n, q)
            line = "%4d" % n
            ratios = ""
            for t in tools:
                v, verdict = cell(t, n, q)
                extra = ""
                if t.startswith("spin-") and v is not None:
                    inner, _ = cell(t, n, q, "inner_seconds")
                    extra = " (%s)" % fmt(inner)
                line += " %16s" % ((fmt(v) + extra + " " + verdict[:1]) if v is not None else verdict[:16])
                if t != "shall":
                    ratios += " %15s" % ("%.1f" % (v / base) if v is not None and base else "-")
            print(line + ratios)
    print("\n(v = violated, h = holds; Spin: total of spin -a + gcc + pan, pan alone in parentheses;"
          " Alloy's holds is to its trace bound only)")


# ---------------------------------------------------------------------------------------------

def sweep(args):
    java_home = shall_java_home()
    java = os.path.join(java_home, "bin", "java")
    jar = alloy_jar()
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    results = os.path.join(ROOT, "bench-results")
    work = os.path.join(results, "peers-work")
    os.makedirs(work, exist_ok=True)
    info = machine()
    vers = versions(java_home, jar)
    print("machine: %(host)s, %(cpu)s, %(processors)s processors; commit %(commit)s" % info)
    model = os.path.join(HERE, "rekey.shall")
    # shall: one JVM, one incremental BMC solver, cumulative seconds at every 10th depth (Bench sweep)
    before = load1()
    env = dict(os.environ, SHALL_BENCH_OUT=os.path.join(work, "sweep-shall-%s" % stamp))
    secs, p = timed([os.path.join(ROOT, "bench"), model, "agreementHolds", "", "sweep", "1", str(args.depth)],
                    cwd=ROOT, timeout=args.timeout * 4, env=env)
    shall_rows = {}
    for line in (p.stdout if p else "").splitlines():
        m = re.match(r"\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s*$", line)
        if m:
            shall_rows[int(m.group(1))] = tuple(float(x) for x in m.groups()[1:])
    print("shall BMC sweep: %.2f s wall clock in all (JVM start included); %s" %
          (secs, (p.stdout.splitlines() or ["?"])[-1] if p else "timeout"))
    rows = []
    fields = ["utc", "commit", "host", "cpu", "processors", "tool", "version", "depth", "alloy_steps", "verdict",
              "variables", "clauses", "conflicts", "seconds", "load_before", "load_after"]
    csv_path = os.path.join(results, "peers-sweep-%s.csv" % stamp)
    with open(csv_path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        for d, (v, c, confl, s) in sorted(shall_rows.items()):
            row = dict(info, utc=stamp, tool="shall-bmc", version=vers["shall"], depth=d, verdict="no violation",
                       variables=int(v), clauses=int(c), conflicts=int(confl), seconds=s, load_before=before,
                       load_after=load1())
            w.writerow(row)
            rows.append(row)
        alloy_timed_out = False
        for d in range(args.every, args.depth + 1, args.every):
            if alloy_timed_out:
                break
            steps = d + 1
            als = os.path.join(work, "rekey-%d.als" % steps)
            with open(os.path.join(HERE, "rekey.als.in")) as src, open(als, "w") as dst:
                dst.write(src.read().replace("@STEPS@", str(steps)))
            before = load1()
            r = run_alloy(java, jar, work, als, "agreement", args.timeout)
            row = dict(info, utc=stamp, tool="alloy", version=vers["alloy"], depth=d, alloy_steps=steps,
                       verdict=r["verdict"], seconds=round(r["seconds"], 3), load_before=before, load_after=load1())
            w.writerow(row)
            f.flush()
            rows.append(row)
            print("  alloy %3d steps: %-8s %8.2f s" % (steps, r["verdict"], r["seconds"]), flush=True)
            alloy_timed_out = r["verdict"] == "timeout"
    print("\ndepth sweep on rekey.shall (agreementHolds, 1 session): BMC to depth d, next to Alloy's check for"
          " d + 1 steps")
    print("%6s %10s %10s %12s %14s %12s %14s" % ("depth", "variables", "clauses", "shall s", "shall s/step",
                                                 "alloy s", "alloy s/step"))
    alloy = {r["depth"]: r for r in rows if r["tool"] == "alloy"}
    for d in sorted(set(shall_rows) | set(alloy)):
        if d == 0:
            continue
        v, c, _, s = shall_rows.get(d, (None, None, None, None))
        a = alloy.get(d)
        a_s = a["seconds"] if a and a["verdict"] == "holds" else None
        print("%6d %10s %10s %12s %14s %12s %14s" % (
            d, "-" if v is None else int(v), "-" if c is None else int(c), fmt(s),
            "-" if s is None else "%.4f" % (s / d), (fmt(a_s) if a_s is not None else (a["verdict"] if a else "-")),
            "-" if a_s is None else "%.3f" % (a_s / d)))
    print("\nshall: cumulative seconds of one incremental solver in a warm JVM (no JVM start, no front end);"
          " Alloy: one fresh JVM per bound (JVM start included), every trace length up to the bound")
    print("rows: %s" % os.path.relpath(csv_path, ROOT))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", nargs="?", default="scale", choices=["scale", "sweep"])
    ap.add_argument("--ns", default="1,2,4,8,16")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--timeout", type=int, default=300, help="seconds per run")
    ap.add_argument("--property", default="contexts", choices=sorted(PROPERTIES))
    ap.add_argument("--tools", default="shall,spin-sessions,spin-roles,alloy")
    ap.add_argument("--alloy-depth", type=int, default=None,
                    help="Alloy's bound in moves when shall gave none (default: 9 for contexts, 3 for relocation)")
    ap.add_argument("--depth", type=int, default=100, help="sweep: deepest BMC depth")
    ap.add_argument("--every", type=int, default=10, help="sweep: Alloy bounds every this many moves")
    args = ap.parse_args()
    if args.mode == "sweep":
        if args.timeout == 300:
            args.timeout = 600
        sweep(args)
    else:
        scale(args)


if __name__ == "__main__":
    main()
