#!/usr/bin/env bash
# fonts/families.conf names only fonts that scripts/setup.sh installs: each family is found by
# fontconfig, in a file that a package of setup.sh's list owns (or a brand font in fonts/).
#   tests/fonts_test.sh            (needs fontconfig's fc-match and dpkg)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
packages=$(sed -n '/^packages=(/,/^)/p' "$root/scripts/setup.sh" | tr -s ' ()\n' '\n')
passed=0 failed=0
while IFS= read -r family; do
  file=$(fc-match -f '%{file}' "$family:family=$family" 2>/dev/null)
  found=$(fc-match -f '%{family}' "$family" 2>/dev/null)
  if [[ ",$found," != *",$family,"* ]]; then
    failed=$((failed + 1)); echo "FAIL: '$family' is not installed (fontconfig offers '$found')"; continue
  fi
  if [[ $file == "$root/fonts/"* ]]; then
    passed=$((passed + 1)); echo "ok: '$family' is a brand font in fonts/"; continue
  fi
  package=$(dpkg -S "$file" 2>/dev/null | head -n 1 | cut -d: -f1)
  if [[ -n $package ]] && grep -qx -- "$package" <<< "$packages"; then
    passed=$((passed + 1)); echo "ok: '$family' from $package ($file)"
  else
    failed=$((failed + 1)); echo "FAIL: '$family' ($file) comes from '${package:-no package}', not from setup.sh"
  fi
done < <(sed -n 's/^[a-z-]*:\(.*\)$/\1/p' "$root/fonts/families.conf" | tr ',' '\n' | sed 's/^ *//; s/ *$//' | sed '/^$/d' | sort -u)
echo "$passed passed, $failed failed"
((failed == 0 && passed > 0))
