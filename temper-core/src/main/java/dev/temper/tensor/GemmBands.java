package dev.temper.tensor;

/**
 * Splits one GEMM into bands of {@code C} that single-threaded OpenBLAS calls compute side by side on temper's
 * kernel threads ({@link Parallel}), instead of OpenBLAS splitting it over threads of its own.
 *
 * <p>Why: a training step interleaves a few GEMMs with dozens of short Java loops. OpenBLAS's threads go to sleep
 * between GEMMs (temper sets {@code OPENBLAS_THREAD_TIMEOUT}, since spinning ones take the cores from the Java
 * loops) and are woken at the start of each, while temper's kernel threads are already awake from the loop before.
 * A band is {@code C}'s rows or columns (the longer side; rows when C is square) in multiples of {@link #GRAIN}; each band is an
 * independent GEMM on the operands' sub-blocks, so nothing is copied. The split depends only on the shape and the
 * thread count, so the bits do too (as they did with OpenBLAS's own threads).
 */
final class GemmBands {
    /** What one band computes: {@code C[rowStart..rowEnd) x [columnStart..columnEnd)}. */
    @FunctionalInterface
    interface Band {
        void compute(int rowStart, int rowEnd, int columnStart, int columnEnd);
    }

    /** Below this many FLOPs per band (about 15 us of GEMM) a second band costs more than it saves. */
    static final long MIN_FLOPS_PER_BAND = 1L << 21;
    /** Band edges fall on multiples of this: whole register tiles of the AVX-512 and AVX2 kernels. */
    static final int GRAIN = 32;

    private GemmBands() {}

    /**
     * Computes the whole {@code m x n} product of depth {@code k} through {@code band}, on up to {@code threads}
     * threads. {@code rowsOnly} keeps to row bands, whose spans of C's storage never overlap (a caller that copies C's
     * whole span back, padding between rows included, needs that); otherwise the longer side is split, rows when both are equal.
     */
    static void run(int m, int n, int k, int threads, boolean rowsOnly, Band band) {
        long flops = 2L * m * n * k;
        int wanted = (int) Math.min(threads, Math.max(1, flops / MIN_FLOPS_PER_BAND));
        // A square C goes by rows: the weight gradient 512x128x512 (TN) ran at 267-309 GFLOP/s in row bands and
        // 182-259 in column bands (SkylakeX kernels, 2 threads, four runs each, 2026-12-01)
        boolean byColumns = !rowsOnly && n > m;
        int extent = byColumns ? n : m;
        int perBand = roundUp((extent + wanted - 1) / wanted, GRAIN);
        int bands = (extent + perBand - 1) / perBand;
        if (wanted <= 1 || bands <= 1) {
            band.compute(0, m, 0, n);
            return;
        }
        Parallel.forChunks(bands, 1, (b, unusedStart, unusedEnd) -> {
            int start = b * perBand;
            int end = Math.min(extent, start + perBand);
            if (byColumns) {
                band.compute(0, m, start, end);
            } else {
                band.compute(start, end, 0, n);
            }
        });
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
