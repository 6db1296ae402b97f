package dev.temper.cli;

import dev.temper.tensor.Blas;
import dev.temper.tensor.Rng;
import java.util.Arrays;

/** Times the engine's GEMM at one shape: warm-up, then repeats of at least 0.3 s each; the median rate. */
final class GemmTimer {
    private GemmTimer() {}

    static double gflops(Blas blas, GemmShape s, int repeats) {
        Rng rng = new Rng(7);
        float[] a = random(rng, s.m() * s.k());
        float[] b = random(rng, s.k() * s.n());
        float[] c = new float[s.m() * s.n()];
        int lda = s.transA() ? s.m() : s.k();
        int ldb = s.transB() ? s.k() : s.n();
        Runnable call = () -> blas.sgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, s.n());
        long warmEnd = System.nanoTime() + 200_000_000L;
        int calls = 0;
        while (System.nanoTime() < warmEnd || calls < 3) {
            call.run();
            calls++;
        }
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            int n = 0;
            long elapsed;
            do {
                call.run();
                n++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < 300_000_000L);
            rates[r] = n * s.flops() / elapsed; // FLOP per ns = GFLOP/s
        }
        Arrays.sort(rates);
        return rates[repeats / 2];
    }

    private static float[] random(Rng rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextFloat() - 0.5f;
        }
        return x;
    }
}
