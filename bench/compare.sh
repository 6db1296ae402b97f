#!/usr/bin/env bash
# temper's benchmark and numpy's GEMM at the same shapes, in one sitting, so that the ratios compare like with like.
#   bench/compare.sh [DATA_DIR] [EPOCHS]
# Prints both JSON results and the ratio temper/numpy per GEMM shape. Figures go to BENCHMARKS.md by hand.
# ONLY=gemm,mlp picks the parts of temper's benchmark (default: all, the CNN included, which takes minutes per epoch).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/datasets}"
epochs="${2:-3}"
threads="${THREADS:-$(nproc)}"
out="$root/bench/out/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{ date -u; echo "host: $(nproc) cores,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"; java -version 2>&1 | head -1;
  python3 -c 'import numpy; print("numpy", numpy.__version__)'
  # OpenBLAS reads this before choosing kernels. temper raises an AVX2-or-older setting to SkylakeX on an AVX-512 CPU
  # (dev.temper.tensor.CpuFeatures); numpy gets the same kernels below, so that the ratio compares like with like.
  echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}"; echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"; } | tee "$out/env.txt"

# The kernels temper will pick, by the rule of CpuFeatures.coreTypeToForce, given to numpy as well.
numpy_core="${OPENBLAS_CORETYPE:-}"
if [ -n "${TEMPER_OPENBLAS_CORETYPE:-}" ]; then
  [ "${TEMPER_OPENBLAS_CORETYPE,,}" != openblas ] && numpy_core="$TEMPER_OPENBLAS_CORETYPE"
else
  flags="$(grep -m1 '^flags' /proc/cpuinfo || true)"
  avx512=yes
  for f in avx512f avx512bw avx512dq avx512vl avx512cd; do [[ " $flags " == *" $f "* ]] || avx512=no; done
  case "${OPENBLAS_CORETYPE,,}" in
    ""|katmai|coppermine|northwood|prescott|banias|atom|core2|penryn|dunnington|nehalem|sandybridge|haswell|zen|athlon|opteron|opteron_sse3|barcelona|bobcat|bulldozer|piledriver|steamroller|excavator)
      [ "$avx512" = yes ] && numpy_core=SkylakeX ;;
  esac
fi
echo "numpy's OPENBLAS_CORETYPE: ${numpy_core:-unset}" | tee -a "$out/env.txt"
numpy() { if [ -n "$numpy_core" ]; then OPENBLAS_CORETYPE="$numpy_core" "$@"; else "$@"; fi; }

# numpy first, then temper, then numpy again: a drift in machine load shows as a gap between the two numpy runs.
shapes=("128,512,784,N,N" "128,512,512,N,N" "128,10,512,N,N" "784,512,128,T,N" "512,512,128,T,N" "512,10,128,T,N" "128,512,512,N,T" "128,512,10,N,T" "1024,1024,1024,N,N")
OPENBLAS_NUM_THREADS=$threads numpy python3 "$root/bench/gemm_numpy.py" --json "${shapes[@]}" > "$out/numpy-before.json"
"$root/temper" bench --json --data "$data" --epochs "$epochs" --threads "$threads" ${ONLY:+--only "$ONLY"} > "$out/temper.json"
OPENBLAS_NUM_THREADS=$threads numpy python3 "$root/bench/gemm_numpy.py" --json "${shapes[@]}" > "$out/numpy-after.json"

python3 - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
t = json.load(open(os.path.join(out, "temper.json")))
runs = [json.load(open(os.path.join(out, f))) for f in ("numpy-before.json", "numpy-after.json")]
print(f"\nresults in {out}")
print(f"{'shape (m x k x n, op)':28} {'temper':>8} {'numpy':>8} {'ratio':>6}")
for i, entry in enumerate(runs[0]["numpy_gemm"]):
    m, n, k, op = entry["m"], entry["n"], entry["k"], entry["op"]
    key = f"gemm_gflops_{m}x{k}x{n}" + ("" if op == "NN" else "_" + op.lower())
    numpy = max(r["numpy_gemm"][i]["gflops"] for r in runs)  # the better of the two numpy runs: a conservative ratio
    ours = t.get(key)
    if ours is not None:
        print(f"{m}x{k}x{n} {op:4} {'':14} {ours:8.1f} {numpy:8.1f} {ours / numpy:6.2f}")
print(f"numpy's OpenBLAS kernels: {runs[0].get('openblas_core')}; temper's GEMM: {t.get('gemm')}")
if "mlp_epoch_seconds" in t:
    print(f"mlp epoch {t['mlp_epoch_seconds']} s, BLAS-bound limit {t['mlp_epoch_limit_seconds']} s, ratio {t['mlp_epoch_ratio']}")
if "cnn_epoch_seconds" in t:
    print(f"cnn epoch {t['cnn_epoch_seconds']} s, BLAS-bound limit {t['cnn_epoch_limit_seconds']} s, ratio {t['cnn_epoch_ratio']}")
print(f"peak RSS {t['peak_rss_mb']} MB; load at the end: {open('/proc/loadavg').read().split()[:3]}")
PY
