#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Batch throughput: generates N candidates (the first row of
# doc/batch-example.csv under N different names, so that each candidate's
# PDFs draw other characters) and times shenbao-cli batch side by side as it
# runs by default (the print package alone) and with --all-documents (all
# five PDFs a candidate), and, when BASELINE names another build's
# shenbao-cli, that build's batch. Prints the medians over RUNS runs of the
# wall time and of the CPU time (user + system), and applications per second
# of each. The batch runs a worker per processor it may use: it runs once on
# one core (taskset -c 0) and once on all, and the wall times give the
# speed-up; per CPU second is per core.
#   bench/batch.sh [N]     (default 200)     RUNS=5 BASELINE=/other/build/src/cli/shenbao-cli bench/batch.sh
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-200}
runs=${RUNS:-5}
cli=$top/build/src/cli/shenbao-cli

[ -x "$cli" ] || "$top/build-aux/setup.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# What the build tree's programs need to find their data, translations,
# schema and face detector module: the one list meson devenv keeps. Its
# dump appends to these two, which must be set under set -u.
: "${XDG_DATA_DIRS=}" "${GSETTINGS_SCHEMA_DIR=}"
eval "$(meson devenv -C "$top/build" --dump)"

# Names from common surnames and given-name characters, none twice.
python3 - "$top/doc/batch-example.csv" "$n" > "$work/batch.csv" <<'EOF'
import sys
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹香月莺媛瑞凡佳嘉琼勤珍贞莉"
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
print(lines[0])
for i in range(int(sys.argv[2])):
    name = surnames[i % len(surnames)] + given[i // len(surnames) % len(given)] + given[(i * 7 + 3) % len(given)]
    print(lines[1].replace("张三", name, 1))
EOF

# RUNS runs of a batch with a shenbao-cli and options: prints "wall-ms
# cpu-ms", each the median; the CPU time is the process's user + system time.
measure() {
  python3 - "$runs" "$work" "$@" <<'EOF'
import os, shutil, statistics, subprocess, sys, time
runs, work, program, options = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
prefix = os.environ.get("PREFIX", "").split()
walls, cpus = [], []
for _ in range(runs):
    shutil.rmtree(os.path.join(work, "out"), ignore_errors=True)
    start = time.perf_counter()
    child = subprocess.Popen(prefix + [program, "batch", os.path.join(work, "batch.csv"), "--out", os.path.join(work, "out")]
                             + options, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    walls.append((time.perf_counter() - start) * 1000)
    cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit("batch failed")
print(int(statistics.median(walls)), int(statistics.median(cpus)))
EOF
}

row() {
  label=$1
  shift
  set -- $(measure "$@")
  last_wall=$1
  pdfs=$(find "$work/out" -name '*.pdf' | wc -l)
  size=$(find "$work/out" -name 'print-package.pdf' | head -n 1 | xargs stat -c %s)
  awk -v l="$label" -v n="$n" -v p="$pdfs" -v w="$1" -v c="$2" -v s="$size" 'BEGIN {
    printf "| %s | %d | %.2f s | %.2f s | %.1f | %.1f | %d B |\n",
           l, p, w / 1000, c / 1000, n * 1000 / (w > 0 ? w : 1), n * 1000 / (c > 0 ? c : 1), s }'
}

echo "$n applications, medians of $runs runs"
echo
echo "| run | PDFs | wall | CPU | applications/s (wall) | applications/s (CPU: per core) | one print package |"
echo "|---|---:|---:|---:|---:|---:|---:|"
[ -z "${BASELINE:-}" ] || row "\`$BASELINE batch\`" "$BASELINE"
export PREFIX="taskset -c 0"
row "batch on one core (taskset -c 0)" "$cli"
one_core=$last_wall
PREFIX=
row "batch on $(nproc) cores (print package)" "$cli"
all_cores=$last_wall
row "batch --all-documents (five PDFs)" "$cli" --all-documents
echo
awk -v a="$one_core" -v b="$all_cores" -v n="$(nproc)" \
  'BEGIN { printf "wall-time speed-up on %d cores against one: %.2f×\n", n, a / (b > 0 ? b : 1) }'
