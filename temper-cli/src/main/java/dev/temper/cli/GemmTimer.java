package dev.temper.cli;

import dev.temper.tensor.Blas;
import dev.temper.tensor.Parallel;
import dev.temper.tensor.Rng;
import java.util.Arrays;

/** Times the engine's GEMM at one shape: warm-up, then repeats of at least 0.3 s each; the median rate. */
final class GemmTimer {
    private GemmTimer() {}

    /** One GEMM at a time, split over the kernel threads as the engine splits it. */
    static double gflops(Blas blas, GemmShape s, int repeats) {
        Runnable call = call(blas, s, new Rng(7));
        return median(call, s.flops(), repeats);
    }

    /**
     * One GEMM per kernel thread at the same time, each on its own operands and on one thread, as the convolutions
     * run their small GEMMs inside a parallel loop: the rate of all of them together.
     */
    static double gflopsSideBySide(Blas blas, GemmShape s, int repeats) {
        int threads = Parallel.threads();
        Rng rng = new Rng(7);
        Runnable[] calls = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            calls[t] = call(blas, s, rng);
        }
        Runnable all = () -> Parallel.forRange(threads, 1, (t0, t1) -> {
            for (int t = t0; t < t1; t++) {
                calls[t].run();
            }
        });
        return median(all, threads * s.flops(), repeats);
    }

    private static Runnable call(Blas blas, GemmShape s, Rng rng) {
        float[] a = random(rng, s.m() * s.k());
        float[] b = random(rng, s.k() * s.n());
        float[] c = new float[s.m() * s.n()];
        int lda = s.transA() ? s.m() : s.k();
        int ldb = s.transB() ? s.k() : s.n();
        return () -> blas.sgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, s.n());
    }

    private static double median(Runnable call, double flops, int repeats) {
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
            rates[r] = n * flops / elapsed; // FLOP per ns = GFLOP/s
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
