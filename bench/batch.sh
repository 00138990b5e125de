#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Batch throughput: generates N candidates (the first row of
# doc/batch-example.csv under N names) and times shenbao-cli batch, which
# checks each and writes its five PDFs. Prints applications per second on
# one core (the batch is single-threaded).
#   bench/batch.sh [N]     (default 200)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-200}
cli=$top/build/src/cli/shenbao-cli

[ -x "$cli" ] || "$top/build-aux/setup.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SHENBAO_DATA_DIR="$top/data"

head -n 1 "$top/doc/batch-example.csv" > "$work/batch.csv"
row=$(sed -n 2p "$top/doc/batch-example.csv")
i=0
while [ $i -lt "$n" ]; do
  echo "$row" | sed "s/张三/张$i/" >> "$work/batch.csv"
  i=$((i + 1))
done

start=$(date +%s%N)
"$cli" batch "$work/batch.csv" --out "$work/out" >/dev/null 2>&1 || [ $? -eq 1 ]
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
pdfs=$(find "$work/out" -name '*.pdf' | wc -l)
echo "$n applications, $pdfs PDFs in $ms ms: $(awk -v n="$n" -v ms="$ms" 'BEGIN { printf "%.1f", n * 1000 / (ms > 0 ? ms : 1) }') applications/s on one core"
