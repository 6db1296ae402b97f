#!/usr/bin/env python3
"""numpy float32 GEMM throughput: the yardstick that temper's GEMM timings are read against.

Each shape is M,N,K,TRANSA,TRANSB with the meaning of BLAS: C[MxN] = op(A)[MxK] @ op(B)[KxN], where op(X)
is X or, for T, the transpose of a row-major array (a transposed view, so numpy hands BLAS a transpose flag
rather than copying). The defaults are a dense layer's forward pass for a 128-image MNIST batch
(128x784 @ 784x512), its weight gradient (X^T dZ: 784x128 @ 128x512) and a square 1024 product.

Each shape is warmed up, then timed in 5 repeats of as many calls as fill at least 0.3 s; GFLOP/s counts
2*M*N*K per call. Set OPENBLAS_NUM_THREADS (or OMP_NUM_THREADS) before running to fix numpy's thread count.

    bench/gemm_numpy.py                          # default shapes, one line each
    bench/gemm_numpy.py 256,256,256,N,T --json   # own shapes, JSON on stdout
"""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np

DEFAULT_SHAPES = ["128,512,784,N,N", "784,512,128,T,N", "1024,1024,1024,N,N"]
REPEATS = 5
MIN_REPEAT_SECONDS = 0.3
SEED = 20240611


def parse_shape(text):
    parts = text.split(",")
    if len(parts) != 5:
        raise argparse.ArgumentTypeError(f"shape must be M,N,K,TRANSA,TRANSB, got {text!r}")
    try:
        m, n, k = (int(p) for p in parts[:3])
    except ValueError:
        raise argparse.ArgumentTypeError(f"M, N and K must be integers, got {text!r}") from None
    trans = [p.strip().upper() for p in parts[3:]]
    if min(m, n, k) < 1 or any(t not in ("N", "T") for t in trans):
        raise argparse.ArgumentTypeError(f"need M, N, K >= 1 and TRANSA, TRANSB in N/T, got {text!r}")
    return m, n, k, trans[0] == "T", trans[1] == "T"


def operand(rng, rows, cols, transposed):
    """A rows x cols float32 matrix, stored transposed (cols x rows, then .T) when asked."""
    if transposed:
        return rng.standard_normal((cols, rows), dtype=np.float32).T
    return rng.standard_normal((rows, cols), dtype=np.float32)


def time_shape(m, n, k, trans_a, trans_b):
    rng = np.random.default_rng(SEED)
    a = operand(rng, m, k, trans_a)
    b = operand(rng, k, n, trans_b)
    out = np.empty((m, n), dtype=np.float32)
    flops = 2.0 * m * n * k
    # Warm up (thread pool start, page faults), then size the inner loop to fill MIN_REPEAT_SECONDS.
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            np.matmul(a, b, out=out)
        elapsed = time.perf_counter() - start
        if elapsed >= MIN_REPEAT_SECONDS:
            break
        calls *= 2
    rates = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            np.matmul(a, b, out=out)
        elapsed = time.perf_counter() - start
        rates.append(flops * calls / elapsed / 1e9)
    return rates


def openblas_core():
    """The kernel family numpy's OpenBLAS chose (e.g. SkylakeX, Haswell), or None where it cannot be asked."""
    try:
        import ctypes
        import glob
        libs = os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs")
        for path in glob.glob(os.path.join(libs, "libscipy_openblas*.so*")):
            lib = ctypes.CDLL(path)
            for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename"):
                if hasattr(lib, name):
                    f = getattr(lib, name)
                    f.restype = ctypes.c_char_p
                    return f().decode().strip()
    except OSError:
        pass
    return None


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shapes", nargs="*", type=parse_shape, metavar="M,N,K,TRANSA,TRANSB",
                        help="default: " + " ".join(DEFAULT_SHAPES))
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of lines")
    args = parser.parse_args(argv)
    shapes = args.shapes or [parse_shape(s) for s in DEFAULT_SHAPES]
    results = []
    for m, n, k, trans_a, trans_b in shapes:
        rates = time_shape(m, n, k, trans_a, trans_b)
        op = ("T" if trans_a else "N") + ("T" if trans_b else "N")
        results.append({"m": m, "n": n, "k": k, "op": op, "gflops": statistics.median(rates)})
        if not args.json:
            print(f"numpy m={m} n={n} k={k} op={op} gflops_median={statistics.median(rates):.1f} "
                  f"gflops_min={min(rates):.1f} gflops_max={max(rates):.1f}", flush=True)
    if args.json:
        print(json.dumps({"numpy_gemm": results, "numpy_version": np.__version__,
                          "threads_env": os.environ.get("OPENBLAS_NUM_THREADS"),
                          "openblas_core": openblas_core()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
