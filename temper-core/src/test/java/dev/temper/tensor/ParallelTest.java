package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Kernel results must not depend on the thread count; the thread count is restored after each test. */
class ParallelTest {

    private static final int[] THREAD_COUNTS = {1, 2, 3};

    /** Runs {@code work} once per thread count and returns the results, restoring the thread count. */
    private static Tensor[] underEachThreadCount(Supplier<Tensor> work) {
        int original = Parallel.threads();
        Tensor[] results = new Tensor[THREAD_COUNTS.length];
        try {
            for (int i = 0; i < THREAD_COUNTS.length; i++) {
                Parallel.setThreads(THREAD_COUNTS[i]);
                results[i] = work.get();
            }
        } finally {
            Parallel.setThreads(original);
        }
        return results;
    }

    private static void assertBitIdentical(Tensor[] results, String what) {
        double[] first = results[0].toDoubleArray();
        for (int i = 1; i < results.length; i++) {
            assertEquals(results[0].dtype(), results[i].dtype());
            double[] other = results[i].toDoubleArray();
            assertEquals(first.length, other.length);
            for (int j = 0; j < first.length; j++) {
                assertEquals(Double.doubleToRawLongBits(first[j]), Double.doubleToRawLongBits(other[j]),
                        what + " differs at " + j + " between 1 and " + THREAD_COUNTS[i] + " threads");
            }
        }
    }

    @Test
    void reductionsGiveBitIdenticalResultsForOneTwoAndThreeThreads() {
        Rng rng = new Rng(1);
        // Values of mixed sign and magnitude, so a different summation order changes low bits. In float64, since
        // float32 results are rounded from double accumulators and would hide most order differences.
        Tensor x32 = rng.normal(0f, 1f, 1000, 1000).mul(rng.uniform(0.001f, 1000f, 1000, 1000));
        for (Tensor x : new Tensor[] {x32.to(DType.FLOAT64), x32}) {
            String type = " (" + x.dtype() + ")";
            assertBitIdentical(underEachThreadCount(x::sum), "sum of all" + type);
            assertBitIdentical(underEachThreadCount(x::mean), "mean of all" + type);
            assertBitIdentical(underEachThreadCount(() -> x.sum(false, 0)), "sum over axis 0" + type);
            assertBitIdentical(underEachThreadCount(() -> x.sum(false, 1)), "sum over axis 1" + type);
            assertBitIdentical(underEachThreadCount(() -> x.transpose().sum()), "sum of a transposed view" + type);
            assertBitIdentical(underEachThreadCount(() -> x.max(0, false)), "max over axis 0" + type);
        }
    }

    @Test
    void elementwiseOpsGiveBitIdenticalResultsForOneTwoAndThreeThreads() {
        Rng rng = new Rng(2);
        Tensor a = rng.normal(0f, 1f, 1000, 1000);
        Tensor b = rng.normal(0f, 1f, 1000);
        assertBitIdentical(underEachThreadCount(() -> a.mul(a).add(b)), "a * a + b");
        assertBitIdentical(underEachThreadCount(() -> a.transpose().sub(b)), "transposed a - b");
        assertBitIdentical(underEachThreadCount(a::tanh), "tanh");
        assertBitIdentical(underEachThreadCount(() -> {
            Tensor y = a.copy();
            y.addInPlace(a.transpose(), 0.5);
            return y;
        }), "addInPlace");
    }

    @Test
    void forChunksCoversEveryIndexExactlyOnceInFixedChunks() {
        int original = Parallel.threads();
        try {
            for (int threads : THREAD_COUNTS) {
                Parallel.setThreads(threads);
                int n = 100_003;
                int grain = 1000;
                AtomicIntegerArray hits = new AtomicIntegerArray(n);
                AtomicIntegerArray chunkSeen = new AtomicIntegerArray(Parallel.chunkCount(n, grain));
                Parallel.forChunks(n, grain, (chunk, start, end) -> {
                    assertEquals(chunk * grain, start);
                    assertEquals(Math.min(n, start + grain), end);
                    chunkSeen.incrementAndGet(chunk);
                    for (int i = start; i < end; i++) {
                        hits.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertEquals(1, hits.get(i), "index " + i + " with " + threads + " threads");
                }
                for (int c = 0; c < chunkSeen.length(); c++) {
                    assertEquals(1, chunkSeen.get(c), "chunk " + c + " with " + threads + " threads");
                }
            }
        } finally {
            Parallel.setThreads(original);
        }
        assertEquals(101, Parallel.chunkCount(100_003, 1000));
        assertEquals(0, Parallel.chunkCount(0, 1000));
    }

    @Test
    void forRangeOverNothingRunsNothing() {
        AtomicInteger calls = new AtomicInteger();
        Parallel.forRange(0, 10, (s, e) -> calls.incrementAndGet());
        assertEquals(0, calls.get());
    }

    @Test
    void anExceptionInAChunkReachesTheCallerAndThePoolStillWorksAfterwards() {
        int original = Parallel.threads();
        try {
            for (int threads : THREAD_COUNTS) {
                Parallel.setThreads(threads);
                IllegalStateException failure = new IllegalStateException("chunk 37 failed");
                IllegalStateException thrown = assertThrows(IllegalStateException.class,
                        () -> Parallel.forChunks(100_000, 100, (chunk, start, end) -> {
                            if (chunk == 37) {
                                throw failure;
                            }
                        }));
                assertSame(failure, thrown, threads + " threads");

                AtomicInteger covered = new AtomicInteger();
                Parallel.forRange(100_000, 100, (s, e) -> covered.addAndGet(e - s));
                assertEquals(100_000, covered.get(), "the next loop after a failure, " + threads + " threads");
            }
        } finally {
            Parallel.setThreads(original);
        }
    }

    @Test
    void setThreadsRejectsCountsBelowOneAndKeepsTheOldCount() {
        int original = Parallel.threads();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(-2));
        assertEquals(original, Parallel.threads());
        assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(10, 0, (s, e2) -> { }));
    }

    @Test
    void matmulGivesTheSameValuesAfterTheThreadCountChanges() {
        // GEMM may legitimately round differently per thread count (OpenBLAS splits the work); it must still
        // pick up the new count without breaking.
        Rng rng = new Rng(3);
        Tensor a = rng.normal(0f, 1f, 64, 96);
        Tensor b = rng.normal(0f, 1f, 96, 80);
        Tensor[] results = underEachThreadCount(() -> a.matmul(b));
        float[] first = results[0].toFloatArray();
        for (int i = 1; i < results.length; i++) {
            assertArrayEquals(first, results[i].toFloatArray(), 1e-4f);
        }
    }

    @Test
    void nestedLoopsRunSeriallyInsteadOfDeadlocking() {
        int original = Parallel.threads();
        try {
            Parallel.setThreads(2);
            AtomicIntegerArray visits = new AtomicIntegerArray(8 * 100);
            // Each outer chunk runs an inner parallel loop (as GEMM's chunked copies do inside a batched matmul).
            assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () ->
                    Parallel.forRange(8, 1, (s, e) -> {
                        for (int outer = s; outer < e; outer++) {
                            int base = outer * 100;
                            Parallel.forRange(100, 7, (is, ie) -> {
                                for (int i = is; i < ie; i++) {
                                    visits.incrementAndGet(base + i);
                                }
                            });
                        }
                    }));
            for (int i = 0; i < visits.length(); i++) {
                assertEquals(1, visits.get(i), "index " + i + " visited once");
            }
        } finally {
            Parallel.setThreads(original);
        }
    }
}
