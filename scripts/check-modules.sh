#!/usr/bin/env bash
# Module boundaries from the include graph (docs/architecture.md "Modules"): each context
# (identity, registry, inspection, history, market) owns its repositories in src/storage/<context>/,
# and no other context includes them. What others need goes through the context's port
# (src/domain/<context>/*_port.hpp).
#
# Checked: files in src/domain/<A>/ and src/storage/<A>/ may include "storage/<B>/…" only for
# B = A; files in src/documents/ and src/search/ (no context of their own) for no context at all.
# A route group in src/api/<A>/ is built from its own context only: it may include "api/<B>/…",
# "domain/<B>/…" and "storage/<B>/…" only for B = A.
# Not checked: src/app/ (the wiring), src/api/*.{hpp,cpp} (the assembly), tests (tests/,
# *_test.cpp, *_fixture.hpp).
#
# scripts/check-modules.allowed lists the crossings that are still there ("file include", one a
# line); each is a debt of issue 13 item 1. A crossing not in that list fails, and so does a line
# of the list that no longer matches a crossing (remove it: the list only shrinks).
set -euo pipefail
cd "$(dirname "$0")/.."

contexts="identity registry inspection history market statistics notifications complaints federation consignment"
allowed_file=scripts/check-modules.allowed

# The owner context of a source file, "-" for a folder that owns none, empty when not checked.
owner_of() {
  case "$1" in
    *_test.cpp | *_fixture.hpp) ;;
    src/documents/* | src/search/*) echo "-" ;;
    src/domain/*/* | src/storage/*/* | src/api/*/*)
      local dir=${1#src/*/}
      dir=${dir%%/*}
      for c in $contexts; do
        if [ "$c" = "$dir" ]; then echo "$c"; fi
      done ;;
  esac
  return 0
}

found=$(mktemp)
trap 'rm -f "$found"' EXIT
git ls-files --cached --others --exclude-standard 'src/*.cpp' 'src/*.hpp' | while read -r file; do
  owner=$(owner_of "$file")
  [ -n "$owner" ] || continue
  layers=storage
  case "$file" in src/api/*) layers="api|domain|storage" ;; esac
  sed -nE 's@^[[:space:]]*#[[:space:]]*include[[:space:]]+"(('"$layers"')/[a-z_]+/[^"]+)".*@\1@p' "$file" |
    while read -r inc; do
      target=${inc#*/}
      target=${target%%/*}
      for c in $contexts; do
        if [ "$c" = "$target" ] && [ "$c" != "$owner" ]; then echo "$file $inc"; fi
      done
    done
done | sort -u >"$found"

allowed=$(grep -vE '^[[:space:]]*(#|$)' "$allowed_file" 2>/dev/null | sort -u || true)
status=0
while read -r line; do
  [ -n "$line" ] || continue
  if ! grep -qxF "$line" <<<"$allowed"; then
    file=${line%% *}
    echo "check-modules: $file includes \"${line#* }\": another context's module;" \
      "use that context's port (docs/architecture.md, Modules)" >&2
    status=1
  fi
done <"$found"
while read -r line; do
  [ -n "$line" ] || continue
  if ! grep -qxF "$line" "$found"; then
    echo "check-modules: \"$line\" in $allowed_file no longer crosses a boundary: remove it" >&2
    status=1
  fi
done <<<"$allowed"
if [ "$status" = 0 ]; then
  echo "check-modules: ok, no context includes another context's module (known crossings in" \
    "$allowed_file: $(grep -c . <<<"$allowed" || true))"
fi
exit "$status"
