package dev.temper.cli;

import java.util.Locale;

/** One GEMM shape: {@code op(A) [m x k]} times {@code op(B) [k x n]}, with the transpose flags named as in BLAS. */
record GemmShape(String label, int m, int k, int n, boolean transA, boolean transB) {
    double flops() {
        return 2.0 * m * n * k;
    }

    /** Key suffix such as {@code 128x784x512} (m x k x n), with {@code _tn}/{@code _nt} for transposes. */
    String key() {
        String base = m + "x" + k + "x" + n;
        return transA || transB ? base + "_" + (transA ? "t" : "n") + (transB ? "t" : "n") : base;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-8s m=%-5d k=%-5d n=%-5d %s%s", label, m, k, n, transA ? "T" : "N", transB ? "T" : "N");
    }
}
