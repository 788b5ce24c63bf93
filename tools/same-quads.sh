#!/usr/bin/env bash
# Same quads from the same pages: builds a store from seeds/ at two revisions with ./ruralkg,
# dumps both and compares them graph by graph (tools/QuadCompare.java; the build activity's IRI
# and start time are masked). Exit 0 when every graph is isomorphic.
#   tools/same-quads.sh REV_A [REV_B]      (REV_B defaults to HEAD; WORK=/tmp/same-quads by default)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
A="$(git -C "$HERE" rev-parse "${1:?usage: tools/same-quads.sh REV_A [REV_B]}")"
B="$(git -C "$HERE" rev-parse "${2:-HEAD}")"
WORK="${WORK:-/tmp/same-quads}"
mkdir -p "$WORK"
TOOL="$WORK/QuadCompare.java"
cp "$HERE/tools/QuadCompare.java" "$TOOL"  # the same comparer for both revisions

dump() { # rev -> $WORK/<rev>.nq
  local rev="$1" tree="$WORK/tree-$1"
  # a plain export of the revision: no worktree is registered in the repository
  if [ ! -d "$tree" ]; then mkdir -p "$tree" && git -C "$HERE" archive "$rev" | tar -x -C "$tree"; fi
  rm -rf "$WORK/store-$rev"
  (cd "$tree" && ./ruralkg build --in seeds --store "$WORK/store-$rev" >&2)
  java -cp "$tree/target/ruralkg.jar" "$TOOL" dump "$WORK/store-$rev" "$WORK/$rev.nq"
  echo "$rev: $(wc -l < "$WORK/$rev.nq") quads" >&2
}

dump "$A"
dump "$B"
java -cp "$WORK/tree-$B/target/ruralkg.jar" "$TOOL" compare "$WORK/$A.nq" "$WORK/$B.nq"
