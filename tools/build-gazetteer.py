#!/usr/bin/env python3
"""Derives src/main/resources/gazetteer/divisions.tsv.gz from the national code lists.

Usage: tools/build-gazetteer.py [DATA_DIR] [OUT_FILE]
  DATA_DIR defaults to /work/shared/data (divisions.csv, villages.csv.gz: the whole country).

Output: gzip TSV, no header, one row per real unit: code, canonical name, level, parent code
(empty for provinces). Pseudo-units (市辖区, 省直辖县级行政区划, 县, *直辖村级区划) are dropped and
their children re-parented to the next real ancestor. Village names lose the committee suffix
(docs/CONTRACT.md section 2). Villages whose township is a pseudo-unit hang off
the county (the old township's name is not in the data, so no match by name is possible).
"""
import csv
import gzip
import re
import sys
from collections import Counter

data = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data'
out = sys.argv[2] if len(sys.argv) > 2 else 'src/main/resources/gazetteer/divisions.tsv.gz'

PSEUDO = re.compile(r'^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划|.*直辖村级区划)$')
VILLAGE_COMMITTEE = re.compile(r'(村民委员会|村民委员|村名委员会|村委员会|村民委会|村委员|村委会|村委)$')
RESIDENT_COMMITTEE = re.compile(r'(社区居民委员会|居民委员会|居民委员|居委员会|居民委会|居员会|居委会)$')


def canonical_village(name):
  name = re.sub(r'（[^（）]*）$', '', name)
  m = VILLAGE_COMMITTEE.search(name)
  if m:
    base = name[:m.start()]
    return base if base.endswith('村') or base.endswith('社区') else base + '村'
  m = RESIDENT_COMMITTEE.search(name)
  if m:
    base = name[:m.start()]
    return base if base.endswith('社区') else base + '社区'
  return name


def read(path):
  opener = gzip.open if path.endswith('.gz') else open
  with opener(path, 'rt', encoding='utf-8') as f:
    return list(csv.DictReader(f))


divisions = read(f'{data}/divisions.csv')
villages = read(f'{data}/villages.csv.gz')
by_code = {r['code']: r for r in divisions}
pseudo = {r['code'] for r in divisions if PSEUDO.match(r['name'])}


def real_parent(code):
  while code and code in pseudo:
    code = by_code[code]['parent_code']
  return code or ''


rows = []
for r in divisions:
  if r['code'] in pseudo:
    continue
  rows.append((r['code'], r['name'], r['level'], real_parent(r['parent_code'])))

kept = {r[0] for r in rows}
stats = Counter()
for r in villages:
  parent = r['parent_code']
  if parent not in kept:
    stats['village_reattached_to_county'] += 1
    parent = parent[:6]
    if parent not in kept:
      raise SystemExit(f'no county for village {r["code"]}')
  rows.append((r['code'], canonical_village(r['name']), 'village', parent))

rows.sort(key=lambda t: (len(t[0]), t[0]))
with gzip.open(out, 'wt', encoding='utf-8', compresslevel=9) as f:
  for row in rows:
    f.write('\t'.join(row) + '\n')

levels = Counter(r[2] for r in rows)
print(f'{out}: {len(rows)} rows; dropped {len(pseudo)} pseudo-units; '
      + ', '.join(f'{k} {v}' for k, v in levels.items())
      + f'; {stats["village_reattached_to_county"]} villages re-attached to their county')
