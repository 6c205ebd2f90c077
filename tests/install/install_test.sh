#!/usr/bin/env bash
# Installs the build into a temporary prefix and runs the installed program from elsewhere:
# it must find its own rule sets and assets under the prefix, not in the source tree.
# usage: install_test.sh BUILD_DIR PNG_CHECK
set -euo pipefail
build=$1
png_check=$2
prefix=$(mktemp -d /tmp/continuum-install.XXXXXX)
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix" >/dev/null
bin="$prefix/bin/continuum"
share="$prefix/share/continuum"
cd "$prefix"  # nowhere near the source tree

fail() { echo "install test: $*" >&2; exit 1; }

version=$("$bin" --version)
echo "$version"
grep -qx "rules:  $share/rules/surrey" <<<"$version" || fail "the default rules are not the installed ones"
grep -qx "assets: $share/assets" <<<"$version" || fail "the assets are not the installed ones"

"$bin" lint "$share/rules/surrey"
"$bin" lint "$share/rules/london-4"
"$bin" test "$share/rules/surrey" | tail -1

for f in theme/normal.toml theme/high-contrast.toml icons/continuum-16.png icons/continuum-256.png; do
  [[ -s "$share/assets/$f" ]] || fail "missing $share/assets/$f"
done
for size in 16 32 48 64 128 256; do
  [[ -s "$prefix/share/icons/hicolor/${size}x${size}/apps/continuum.png" ]] || fail "missing the ${size}px desktop icon"
done
[[ -s "$prefix/share/icons/hicolor/scalable/apps/continuum.svg" ]] || fail "missing the scalable icon"
desktop-file-validate "$prefix/share/applications/org.continuum.Continuum.desktop"
appstreamcli validate --no-net "$prefix/share/metainfo/org.continuum.Continuum.metainfo.xml"

# The installed GUI on its default rule set, with its own theme, drawn under Xvfb.
shot=$(XDG_CONFIG_HOME="$prefix/config" XDG_DATA_HOME="$prefix/data" \
  xvfb-run -a -s "-screen 0 1600x1000x24" "$bin" --screenshot "$prefix/installed.png" \
  --audit "$prefix/audit.sqlite" --case "$share/rules/surrey/cases/bruised-baby.toml" --step 5)
grep -q "screenshot .*: written" <<<"$shot" || fail "the installed GUI did not draw: $shot"
"$png_check" "$prefix/installed.png"
echo "install test: passed"
