#!/usr/bin/env bash
# Installs the Debian bookworm packages listed in debian-packages.txt that are not yet
# installed. Idempotent: runs apt-get update at most once, and not at all when nothing is
# missing. Needs root (or sudo) only when something must be installed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/debian-packages.txt" | grep -v '^$')

# A package counts as present when installed, or provided by an installed package (npm by
# NodeSource's nodejs, which conflicts with Debian's npm).
provided=" $(dpkg-query -W -f='${Status}|${Provides}\n' 2>/dev/null |
  sed -n 's/^install ok installed|//p' | tr ',' '\n' | sed -e 's/(.*)//' -e 's/ //g' | tr '\n' ' ') "
missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" || "$provided" == *" $pkg "* ]] || missing+=("$pkg")
done

# The browser checks' npm packages (tests/browser), exactly as package-lock.json pins them.
npm_tools() {
  local tools="$here/../tests/browser"
  # Installed once per lock file: the copy in node_modules says which one it was.
  if ! cmp -s "$tools/package-lock.json" "$tools/node_modules/.continuum-lock.json"; then
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error &&
       cp package-lock.json node_modules/.continuum-lock.json)
  fi
}

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#wanted[@]} packages present"
  npm_tools
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root to install ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
npm_tools
