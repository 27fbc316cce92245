#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Whole-process benchmarks, each against a reference run on the same
machine in the same run: A B A B ..., medians, ratios. Run by
build-aux/bench.sh, which builds what it needs; prints BENCH lines:

    BENCH <name> <value> <unit>

Times are wall clock; peak resident sizes are the kernel's (wait4's
ru_maxrss, what /usr/bin/time -v reports). No figure is asserted."""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(argv, env=None):
    """Runs argv to its end; returns (seconds, peak KiB)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(map(str, argv))} failed ({status})")
    return seconds, usage.ru_maxrss


def bench(name, ours, reference, pairs, env=None, reference_env=None, rss=False):
    """Alternates ours and the reference; prints each median and the ratio."""
    a_times, b_times, a_rss, b_rss = [], [], [], []
    run(ours, env)  # warm the caches for both, uncounted
    run(reference, reference_env or env)
    for _ in range(pairs):
        t, m = run(ours, env)
        a_times.append(t)
        a_rss.append(m)
        t, m = run(reference, reference_env or env)
        b_times.append(t)
        b_rss.append(m)
    a, b = statistics.median(a_times), statistics.median(b_times)
    print(f"BENCH {name}-ours {a * 1000:.1f} ms")
    print(f"BENCH {name}-reference {b * 1000:.1f} ms")
    print(f"BENCH {name} {a / b:.2f} x", flush=True)
    if rss:
        ra, rb = statistics.median(a_rss), statistics.median(b_rss)
        print(f"BENCH {name}-rss-ours {ra / 1024:.1f} MiB")
        print(f"BENCH {name}-rss-reference {rb / 1024:.1f} MiB")
        print(f"BENCH {name}-rss {ra / rb:.2f} x", flush=True)


def instructions(argv, env=None):
    """The instructions argv's process executes, counted by callgrind:
    (its main thread's, all its threads'). Unlike times, counts do not
    follow the machine's noise, so a change of a few percent shows."""
    with tempfile.TemporaryDirectory() as out:
        # The launcher execs the window's executable, in the same process.
        child = subprocess.Popen(["valgrind", "--tool=callgrind", "--separate-threads=yes",
                                  "--trace-children=yes",
                                  f"--callgrind-out-file={out}/cg.%p"] + argv, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if child.wait() != 0:
            sys.exit(f"bench: {' '.join(map(str, argv))} failed under callgrind")
        main, total = 0, 0
        # Forks (GDBus starting a bus, say) write files of their own.
        for path in sorted(Path(out).glob(f"cg.{child.pid}*")):
            for line in path.read_text(errors="replace").splitlines():
                if line.startswith(("summary:", "totals:")):
                    count = int(line.split()[1])
                    total += count
                    if path.name.endswith("-01"):
                        main = count
                    break
        return main, total


def bench_instructions(name, ours, reference, env=None, main_thread=True):
    """Prints the instructions of ours and of the reference, and the ratio:
    of the main threads', or of all threads'."""
    a = instructions(ours, env)[0 if main_thread else 1]
    b = instructions(reference, env)[0 if main_thread else 1]
    print(f"BENCH {name}-ours {a / 1e6:.1f} Minstructions")
    print(f"BENCH {name}-reference {b / 1e6:.1f} Minstructions")
    print(f"BENCH {name} {a / b:.2f} x", flush=True)


def gnuplot_script(terminal, size, output, chart):
    """The bars of a chart, with their labels, values and title, as
    gnuplot draws them."""
    import json
    data = json.loads((ROOT / "data" / "microdrama.json").read_text(encoding="utf-8"))
    spec = next(c for c in data["charts"] if c["id"] == chart)
    rows = []
    for series in data["series"]:
        if series.get("chart") != chart:
            continue
        for point in series["points"]:
            rows.append((f'{point["entity"]}: {series["label"]}', point["value"]))
    lines = "\n".join(f'"{label}" {value}' for label, value in reversed(rows))
    return (f"set terminal {terminal} size {size}\n"
            f"set output '{output}'\n"
            f"set title '{spec['title']}'\n"
            "set style fill solid\n"
            "set xrange [0:*]\n"
            f"set yrange [-0.5:{len(rows) - 0.5}]\n"
            f"$data << EOD\n{lines}\nEOD\n"
            "plot $data using ($2/2):0:(0):($2):($0-0.35):($0+0.35):ytic(1) "
            "with boxxyerror notitle, "
            "'' using 2:0:(sprintf('%g', $2)) with labels left offset 1,0 notitle\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", type=Path)
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--only", help="run only the benchmarks whose name has this")
    args = parser.parse_args()
    build = args.build.resolve()
    pairs = args.pairs
    app = str(build / "src" / "microdrama-atlas")
    refs = build / "tests" / "bench"
    tmp = Path(tempfile.mkdtemp(prefix="atlas-bench-"))

    def wanted(name):
        return args.only is None or args.only in name

    datasets = {}
    for n in (10000, 100000):
        path = tmp / f"events-{n}.json"
        subprocess.run([sys.executable, str(ROOT / "build-aux" / "make-dataset.py"), str(n),
                        str(path)], check=True)
        datasets[n] = str(path)

    gui = dict(os.environ, GSK_RENDERER="cairo", GSETTINGS_BACKEND="memory",
               GTK_A11Y="none", NO_AT_BRIDGE="1", GDK_DEBUG="gl-disable",
               LD_PRELOAD=str(refs / "bench-first-frame.so"))
    bare = [str(refs / "bench-bare-window")]
    if wanted("first-frame-bundled"):
        bench("first-frame-bundled", [app], bare, pairs, gui)
        # What any text costs: the bare window with a header bar and a label.
        bench("first-frame-bundled-vs-text-window", [app], bare + ["--text"], pairs, gui)
        bench("first-frame-text-window", bare + ["--text"], bare, pairs, gui)
    if wanted("first-frame-desktop"):
        # What the desktop's menu starts: the window's executable, without
        # the launcher (the desktop file's Exec).
        bench("first-frame-desktop", [str(build / "src" / "microdrama-atlas-gui")], bare, pairs,
              gui)
    valgrind = subprocess.run(["sh", "-c", "command -v valgrind"], capture_output=True,
                              text=True).stdout.strip()
    if valgrind and wanted("first-frame-instructions"):
        # The main thread's work up to the first frame, which the window waits on.
        bench_instructions("first-frame-instructions-bundled", [app], bare, gui)
        bench_instructions("first-frame-instructions-text-window", bare + ["--text"], bare, gui)
    if wanted("first-frame-10k"):
        bench("first-frame-10k", [app, "--data", datasets[10000]], bare, pairs, gui)
    if wanted("first-frame-100k"):
        bench("first-frame-100k", [app, "--data", datasets[100000]], bare, pairs, gui)
    if wanted("window-up"):
        # Up and settled: a second after the first frame.
        up = dict(gui, ATLAS_BENCH_LINGER_MS="1000")
        bench("window-up-bundled", [app], bare, max(3, pairs // 2), up, rss=True)
        # What any text holds: the same for the window with a header bar and
        # a label of English and Chinese.
        bench("window-up-bundled-vs-text-window", [app], bare + ["--text"], max(3, pairs // 2), up,
              rss=True)

    if wanted("check-data-100k"):
        bench("check-data-100k", [app, "--check-data", datasets[100000]],
              [str(refs / "bench-bare-parse"), datasets[100000]], pairs, rss=True)

    gnuplot = subprocess.run(["sh", "-c", "command -v gnuplot"], capture_output=True,
                             text=True).stdout.strip()
    for fmt, terminal, size in (("svg", "svg", "1200,800"),
                                ("pdf", "pdfcairo", "12.5in,8.333in"),
                                ("png", "pngcairo", "1200,800")):
        for chart in ("revenue", "users", "titles"):
            name = f"export-{fmt}-{chart}"
            counted = f"export-instructions-{fmt}-{chart}-vs-gnuplot"
            count = valgrind and gnuplot and chart == "revenue" and wanted(counted)
            if not wanted(name) and not count:
                continue
            ours = [app, "--export-chart", chart, "--output", str(tmp / f"ours.{fmt}")]
            if gnuplot:
                script = tmp / f"{chart}-{fmt}.gp"
                script.write_text(gnuplot_script(terminal, size, tmp / f"gnuplot.{fmt}", chart),
                                  encoding="utf-8")
            if gnuplot and wanted(name):
                bench(f"{name}-vs-gnuplot", ours, [gnuplot, str(script)], pairs)
            if count:
                # Every thread's: an export's threads work for it.
                bench_instructions(counted, ours, [gnuplot, str(script)], main_thread=False)
            if not wanted(name):
                continue
            if chart == "revenue":
                bench(f"{name}-vs-floor", ours,
                      [str(refs / "bench-export-floor"), str(tmp / f"floor.{fmt}")], pairs)


main()
