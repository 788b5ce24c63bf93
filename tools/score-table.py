#!/usr/bin/env python3
"""Runs the dev-gold scorer (../shared/eval/score.py) and writes its scores as a Markdown table
into README.md between the markers <!-- scores:begin --> and <!-- scores:end -->.

  python3 tools/score-table.py            # rewrite the README table
  python3 tools/score-table.py --print    # only print the table
"""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCORER = os.path.join(HERE, "..", "shared", "eval", "score.py")
ROWS = [("figures", ["value", "unit", "qualifier", "metric", "place", "year"]),
        ("admin_units", ["level", "parent", "code"]),
        ("party_orgs", ["kind", "unit"]),
        ("programmes", ["label_only_precision", "label_only_recall"]),
        ("industries", ["label_only_precision", "label_only_recall"])]


def table(scores):
    lines = ["| kind | P | R | F1 | matched / system / gold | attribute accuracies |", "| --- | --- | --- | --- | --- | --- |"]
    for kind, attrs in ROWS:
        d = scores[kind]
        acc = ", ".join(f"{a} {d[a + '_accuracy']:.3f}" for a in attrs if d.get(a + "_accuracy") is not None)
        lines.append(f"| {kind} | {d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} | {d['matched']} / {d['system']} / {d['gold']} | {acc} |")
    return "\n".join(lines)


def main():
    out = subprocess.run([sys.executable, SCORER, "--json"], cwd=HERE, capture_output=True, text=True)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        raise SystemExit("score-table: the scorer failed")
    md = table(json.loads(out.stdout))
    if "--print" in sys.argv:
        print(md)
        return
    readme = os.path.join(HERE, "README.md")
    text = open(readme, encoding="utf-8").read()
    begin, end = "<!-- scores:begin -->", "<!-- scores:end -->"
    i, j = text.index(begin) + len(begin), text.index(end)
    open(readme, "w", encoding="utf-8").write(text[:i] + "\n" + md + "\n" + text[j:])
    print(md)


if __name__ == "__main__":
    main()
