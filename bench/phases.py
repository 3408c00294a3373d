#!/usr/bin/env python3
"""CPU time of each phase of one `broadsheet render`, as a Markdown table.

    sudo bench/phases.py [--runs 7] [--bin build/broadsheet] DOC.yaml [DOC.yaml...]

Puts uprobes on the entry and return of the pipeline's stage functions (perf
probe, so it needs root and perf), samples CPU at 20 kHz while rendering, and
charges each sample to the innermost stage running at that moment; medians
over the runs after one warm-up. Samples are CPU time (user and kernel), so
the table holds on a busy machine, where wall times do not. The probes go on
a copy of the program and are removed afterwards.
"""

import argparse
import bisect
import collections
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HZ = 20000
HERE = os.path.dirname(os.path.abspath(__file__))

# (phase, a piece of the function's demangled name); nested stages win over the outer ones.
STAGES = [
    ("fonts resolved (fontconfig)", "app::load_resources(core::Diagnostics&)"),
    ("typeset: layout file, checks", "app::typeset("),
    ("YAML → document", "model::load_document(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> > const&, core::Diagnostics&"),
    ("styles", "style::style_document("),
    ("compose: drawing pages, folios", "layout::compose("),
    ("compose: setting articles (every setting)", "layout::BlockSetter::set_article("),
    ("compose: make-up planning", "layout::make_up("),
    # Pages are painted as make-up draws them (inside compose), fonts at the end.
    ("PDF: pages, photos (painted as made up)", "render::PdfWriter::add_page("),
    ("PDF: page labels, outline (at the end)", "render::PdfWriter::finish"),
    ("PDF: fonts (subset, deflate, dictionaries)", "render::pdf::PdfFonts::finish("),
    ("PDF: save", "render::pdf::HpdfDocument::save"),
    ("file written", "app::write_file_atomically("),
]
START, EXIT = "start-up (loading, libraries, arguments)", "exit"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def add_probes(binary):
    """Probes every stage whose function the program has; returns the stages it has not.

    A stage function renamed or gone (the code moves on) leaves its time with the
    stage around it; the table says so instead of the whole profile failing."""
    symbols = run(["nm", "-C", binary], capture_output=True, text=True).stdout.splitlines()
    subprocess.run(["perf", "probe", "-q", "-d", "bsphase:*"], stderr=subprocess.DEVNULL)
    missing = set()
    for i, (stage, name) in enumerate(STAGES):
        addr = next((l.split()[0] for l in symbols if " T " in l and name in l), None)
        if not addr:
            print(f"phases: no function {name} in the program: '{stage}' not probed", file=sys.stderr)
            missing.add(stage)
            continue
        run(["perf", "probe", "-q", "-x", binary, "-a", f"bsphase:s{i}_in=0x{addr}"])
        run(["perf", "probe", "-q", "-x", binary, "-a", f"bsphase:s{i}_out=0x{addr}%return"])
    return missing


def one_run(binary, doc, out):
    data = out + ".perf"
    run(["perf", "record", "-q", "-o", data, "-F", str(HZ), "-e", "cpu-clock", "-e", "bsphase:*",
         "-e", "sched:sched_process_exec", "-e", "sched:sched_process_exit", "--",
         binary, "render", doc, "-o", out], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    script = run(["perf", "script", "-i", data, "-F", "comm,time,event"], capture_output=True, text=True).stdout
    comm = os.path.basename(binary)[:15]
    bounds, samples, stack = [], [], [START]
    for line in script.splitlines():
        m = re.match(r"\s*(.+?)\s+([\d.]+):\s+(\S+):", line)
        if not m:
            continue
        ts, event = float(m.group(2)), m.group(3)
        if event == "cpu-clock":
            if m.group(1) == comm:
                samples.append(ts)
            continue
        if event == "sched:sched_process_exec":
            stack = [START]
        elif event == "sched:sched_process_exit":
            stack = [EXIT]
        else:
            stage = STAGES[int(re.search(r"s(\d+)_", event).group(1))][0]
            if event.endswith("_in"):
                stack.append(stage)
            elif stack[-1] == stage:
                stack.pop()
                if stage == "file written":
                    stack = [EXIT]
        bounds.append((ts, stack[-1]))
    times = [b[0] for b in bounds]
    spent = collections.Counter()
    for s in samples:
        i = bisect.bisect_right(times, s) - 1
        spent[bounds[i][1] if i >= 0 else START] += 1000.0 / HZ
    spent["total"] = len(samples) * 1000.0 / HZ
    return spent


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", nargs="+")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "build", "broadsheet"))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        binary = os.path.join(tmp, "broadsheet")
        shutil.copy2(a.bin, binary)
        os.environ.setdefault("BROADSHEET_DATA_DIR", os.path.join(HERE, ".."))
        missing = add_probes(binary)
        try:
            columns = []
            for doc in a.docs:
                runs = [one_run(binary, doc, os.path.join(tmp, "out.pdf")) for _ in range(a.runs + 1)][1:]
                columns.append({k: statistics.median(r[k] for r in runs) for k in set().union(*runs)})
        finally:
            subprocess.run(["perf", "probe", "-q", "-d", "bsphase:*"], stderr=subprocess.DEVNULL)
    names = [START] + [s for s, _ in STAGES] + [EXIT, "total"]
    print("| phase (CPU ms, median of %d) | %s |" % (a.runs, " | ".join(os.path.basename(d) for d in a.docs)))
    print("|---|" + "---|" * len(a.docs))
    for n in names:
        if n in missing:
            print(f"| {n} | " + " | ".join("not probed" for _ in columns) + " |")
        else:
            print(f"| {n} | " + " | ".join(f"{c.get(n, 0):.1f}" for c in columns) + " |")
    if missing:
        print("\nNot probed (function not found in this build; its time is in the stage around it): "
              + ", ".join(sorted(missing)) + ".")


if __name__ == "__main__":
    main()
