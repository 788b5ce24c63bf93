#!/usr/bin/env python3
"""Prints the reliability table of rkg:confidence on both dev sets: per confidence bin, how many
figure, programme and industry facts there are and how many of them the gold confirms.

  python3 tools/reliability.py [--pd DIR]      # DIR: the second dev set's texts (default /tmp/pd-dev)

A figure is right when the gold has the same quantity in the same sentence with the same metric
and place; a programme or industry fact when the gold has its (label, unit) pair. The target
(issue 15): facts at confidence 0.9 or more are right at least 90 % of the time on both sets.
The levels live in src/main/resources/lexicon/confidence.tsv.
"""
import argparse, csv, importlib.util, io, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(HERE, "..", "shared")
spec = importlib.util.spec_from_file_location("score", os.path.join(SHARED, "eval", "score.py"))
S = importlib.util.module_from_spec(spec)
spec.loader.exec_module(S)
BINS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def facts(gold_dir, inputs):
    golds = {fn[:-10]: json.load(open(os.path.join(gold_dir, fn), encoding="utf-8"))
             for fn in sorted(os.listdir(gold_dir)) if fn.endswith(".gold.json")}
    tmp = tempfile.mkdtemp(prefix="ruralkg-reliability-")
    try:
        ind = os.path.join(tmp, "in")
        os.mkdir(ind)
        for stem in golds:
            shutil.copy(os.path.join(inputs, stem + ".txt"), ind)
        store = os.path.join(tmp, "store")
        S.run(["./ruralkg"], ["build", "--in", ind, "--store", store], HERE)
        rows = list(csv.DictReader(io.StringIO(S.run(["./ruralkg"], ["query", "fact-confidence", "--store", store, "--format", "csv"], HERE))))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out = []
    n = S.norm
    for r in rows:
        stem = r["source"][:-4]
        g = golds.get(stem)
        if g is None:
            continue
        if r["kind"] == "figure":
            ok = any(n(x["quantity"]) == n(r["what"]) and (n(x.get("context")) in n(r["sentence"]) or S.window(n(x.get("context")), n(x["quantity"])) in n(r["sentence"]))
                     and n(x.get("metric")) == n(r["metric"]) and (not x.get("place") or n(x["place"]) == n(r["placeName"]))
                     for x in g["figures"])
        else:
            key = "programme" if r["kind"] == "programme" else "industry"
            pairs = {(n(x[key]).strip(S.QUOTES), n(x.get("unit"))) for x in g["programmes" if key == "programme" else "industries"]}
            mine = (n(r["what"]).strip(S.QUOTES), n(r["placeName"]))
            ok = mine in pairs or any(p[1] == mine[1] and S.same_scheme(p[0], mine[0]) for p in pairs)
        out.append((r["kind"], float(r["confidence"]), ok))
    return out


def table(name, fs):
    lines = [f"{name}", "| confidence | kind | facts | right | precision |", "| --- | --- | ---: | ---: | ---: |"]
    for lo, hi in BINS:
        for kind in ("figure", "programme", "industry", "all"):
            sel = [f for f in fs if lo <= f[1] < hi and (kind == "all" or f[0] == kind)]
            if not sel:
                continue
            right = sum(1 for f in sel if f[2])
            lines.append(f"| {lo:.1f}-{min(hi, 1.0):.1f} | {kind} | {len(sel)} | {right} | {right / len(sel):.3f} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pd", default="/tmp/pd-dev")
    a = ap.parse_args()
    print(table("seeds 000-002 (../shared/gold)", facts(os.path.join(SHARED, "gold"), os.path.join(HERE, "seeds"))))
    if os.path.isdir(a.pd):
        print()
        print(table("second dev set (../shared/gold-pd)", facts(os.path.join(SHARED, "gold-pd"), a.pd)))
    else:
        print(f"reliability: no texts in {a.pd}: see ../shared/gold-pd/README.md", file=sys.stderr)


if __name__ == "__main__":
    main()
