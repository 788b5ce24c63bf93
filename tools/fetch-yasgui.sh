#!/usr/bin/env bash
# Refreshes the vendored query editor from the npm registry (see src/main/resources/editor/vendor/README.md).
set -euo pipefail
VERSION="${1:-4.6.2}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack "@zazuko/yasgui@$VERSION" >/dev/null && tar xzf ./*.tgz)
cp "$TMP/package/build/yasgui.min.js" "$TMP/package/build/yasgui.min.css" "$HERE/src/main/resources/editor/vendor/"
echo "vendored @zazuko/yasgui $VERSION" >&2
