#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Side by side: the time from starting Shenbao to its first mapped window,
# against gnome-text-editor's (GTK 4 and libadwaita too, the smallest GNOME
# application of the kind), in a virtual X server with a private session bus.
# Each run is a new process on warm caches; the runs alternate, after one
# warm-up run each. Prints the medians and the ratio.
#   bench/startup.sh [RUNS]        (default 15)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-15}

if [ -z "${STARTUP_BENCH_DISPLAY:-}" ]; then
  [ -x "$top/build/src/app/shenbao" ] || "$top/build-aux/setup.sh"
  meson compile -C "$top/build" bench/first-window >&2
  # gnome-text-editor is the yardstick only, so it is not in
  # build-aux/debian-packages.txt.
  if ! command -v gnome-text-editor >/dev/null 2>&1; then
    echo "startup.sh: installing gnome-text-editor for the comparison" >&2
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends gnome-text-editor >&2
  fi
  exec env STARTUP_BENCH_DISPLAY=1 xvfb-run -a -s "-screen 0 1280x1024x24" \
    dbus-run-session -- "$0" "$@"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
first_window="$top/build/bench/first-window"

# Both start as a new user would: empty configuration, data and caches, kept
# across the runs so that only the first (warm-up) run pays for creating them.
export HOME="$work/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
export GDK_BACKEND=x11

# Shenbao from the build tree with the environment ./run.sh gives it (meson
# devenv's), in a subshell so that the text editor starts without it.
devenv=$(meson devenv -C "$top/build" --dump)
shenbao() {
  (: "${XDG_DATA_DIRS=}" "${GSETTINGS_SCHEMA_DIR=}" && eval "$devenv" \
     && "$first_window" 20 "$top/build/src/app/shenbao")
}
text_editor() {
  "$first_window" 20 gnome-text-editor
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# What the applications say (the session bus, the editor's own criticals)
# go to build/bench/startup.log, out of the figures.
log="$top/build/bench/startup.log"
exec 3>&2 2>"$log"
shenbao >/dev/null
text_editor >/dev/null
: >"$work/shenbao.ms"
: >"$work/editor.ms"
i=0
while [ "$i" -lt "$runs" ]; do
  shenbao >>"$work/shenbao.ms"
  text_editor >>"$work/editor.ms"
  i=$((i + 1))
done
exec 2>&3

ours=$(median <"$work/shenbao.ms")
theirs=$(median <"$work/editor.ms")
printf '%-34s %14s\n' "first mapped window, Xvfb" "median ms ($runs)"
printf '%-34s %14.1f\n' "shenbao" "$ours"
printf '%-34s %14.1f\n' "gnome-text-editor" "$theirs"
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%-34s %14.2f (target <= 0.80)\n", "ratio shenbao / gnome-text-editor", a / b }'
