#!/usr/bin/env python3
"""Scores the extractor on both dev sets side by side and writes the table into the document that
holds the markers <!-- scores:begin --> and <!-- scores:end --> (README.md or a file in docs/).

  python3 tools/score-table.py                 # both dev sets, rewrite the table
  python3 tools/score-table.py --print         # only print the table
  python3 tools/score-table.py --pd DIR        # the second dev set's texts (default /tmp/pd-dev)

The first dev set is ../shared/gold with the seeds; the second is ../shared/gold-pd, whose texts are
not redistributable: re-create them outside the repository first (../shared/gold-pd/README.md).
A rule that helps one set and hurts the other is fitted to one paper: judge every change here.
"""
import argparse, glob, json, os, subprocess, sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(HERE, "..", "shared")
SCORER = os.path.join(SHARED, "eval", "score.py")
# (label, kind, key in the scorer's JSON, target on the second dev set from issue 15)
ROWS = [("figures F1", "figures", "f1", 0.95),
        ("figure metric accuracy", "figures", "metric_accuracy", 0.85),
        ("figure place accuracy", "figures", "place_accuracy", 0.85),
        ("figure value accuracy", "figures", "value_accuracy", None),
        ("figure year accuracy", "figures", "year_accuracy", None),
        ("admin units F1", "admin_units", "f1", 0.95),
        ("admin units code present", "admin_units", "code_accuracy", 0.93),
        ("party orgs F1", "party_orgs", "f1", 0.90),
        ("programmes F1 (label, unit)", "programmes", "f1", 0.70),
        ("industries F1 (label, unit)", "industries", "f1", 0.70)]


def score(gold, inputs):
    args = [sys.executable, SCORER, "--json"]
    if gold:
        args += ["--gold", gold, "--inputs", inputs]
    out = subprocess.run(args, cwd=HERE, capture_output=True, text=True)
    if out.returncode != 0:
        sys.stderr.write(out.stderr[-3000:])
        raise SystemExit("score-table: the scorer failed")
    return json.loads(out.stdout)


def table(seeds, pd):
    lines = ["| measure (score.py) | seeds 000-002 | second dev set (gold-pd) | target |", "| --- | --- | --- | --- |"]
    for label, kind, key, target in ROWS:
        def cell(s):
            if s is None:
                return "not run"
            v = s[kind].get(key)
            return "-" if v is None else f"{v:.3f}"
        lines.append(f"| {label} | {cell(seeds)} | {cell(pd)} | {'' if target is None else '>= ' + format(target, '.2f')} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--print", action="store_true", help="only print the table")
    ap.add_argument("--pd", default="/tmp/pd-dev", help="folder with the second dev set's texts")
    a = ap.parse_args()
    seeds = score(None, None)
    pd_gold = os.path.join(SHARED, "gold-pd")
    pd = score(pd_gold, a.pd) if os.path.isdir(a.pd) and os.path.isdir(pd_gold) else None
    if pd is None:
        sys.stderr.write(f"score-table: no texts in {a.pd}: see ../shared/gold-pd/README.md\n")
    md = table(seeds, pd)
    print(md)
    if a.print:
        return
    begin, end = "<!-- scores:begin -->", "<!-- scores:end -->"
    for doc in [os.path.join(HERE, "README.md")] + sorted(glob.glob(os.path.join(HERE, "docs", "*.md"))):
        text = open(doc, encoding="utf-8").read()
        if begin in text and end in text:
            i, j = text.index(begin) + len(begin), text.index(end)
            open(doc, "w", encoding="utf-8").write(text[:i] + "\n" + md + "\n" + text[j:])
            print(f"score-table: wrote {os.path.relpath(doc, HERE)}", file=sys.stderr)


if __name__ == "__main__":
    main()
