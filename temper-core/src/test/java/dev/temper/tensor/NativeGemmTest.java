package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * temper's zero-copy JNI shim against OpenBLAS's copying path: the same kernel on the same numbers must give the
 * same bits, at the MLP's real shapes, at operands placed at odd offsets inside larger arrays, with beta != 0;
 * and it must refuse, in Java, a call that would read or write past an array. Where the build had gcc and the
 * JDK's headers, the shim must be there: a silent fallback to copies would make these tests skip forever.
 * (The shim and the Java GEMM against a naive loop: {@link BlasImplementationsAgreeTest}.)
 */
class NativeGemmTest {

    @Test
    void theShimIsBuiltAndInUseWhereGccAndJniHeadersExist() {
        assumeTrue(Backend.blas() instanceof OpenBlas, "OpenBLAS does not load here");
        boolean gcc = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "gcc")));
        boolean headers = Files.exists(Path.of(System.getProperty("java.home"), "include", "jni.h"));
        assumeTrue(gcc && headers, "no gcc or no JDK headers: the copying path is expected");
        assertTrue(OpenBlas.load(2).inPlace(), "the shim should have been built and loaded: " + OpenBlas.load(2).name());
        if (Backend.blas() instanceof OpenBlas open && !"openblas-copy".equals(System.getProperty("temper.blas"))) {
            assertTrue(open.inPlace(), open.name());
            assertTrue(open.name().contains("in place"), open.name());
        }
    }

    @Test
    void inPlaceAndCopyingGiveTheSameBitsAtTheMlpShapesAndAtOffsets() {
        // One thread: both paths make one OpenBLAS call per GEMM. (On more threads they cut C into bands
        // differently, rows for copies and columns in place, and OpenBLAS's kernels round by band size.)
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            compareInPlaceWithCopying();
        } finally {
            Parallel.setThreads(before);
        }
    }

    private static void compareInPlaceWithCopying() {
        OpenBlas copying = BlasImplementationsAgreeTest.openBlas(false);
        OpenBlas inPlace = BlasImplementationsAgreeTest.openBlas(true);
        Rng rng = new Rng(5);
        int[][] shapes = { // m, n, k, transA, transB
            {128, 512, 784, 0, 0}, {784, 512, 128, 1, 0}, {128, 512, 512, 0, 1}, {128, 10, 512, 0, 0},
            {512, 10, 128, 1, 0}, {128, 512, 10, 0, 1}, {33, 47, 19, 1, 1}, {1, 1, 1, 0, 0}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            boolean transA = s[3] == 1, transB = s[4] == 1;
            for (int pad : new int[] {0, 3}) {
                int lda = (transA ? m : k) + pad, ldb = (transB ? k : n) + pad, ldc = n + pad;
                int aOffset = pad * 7 + (pad > 0 ? 1 : 0), bOffset = pad, cOffset = pad * 2;
                float[] a = random(rng, aOffset + (transA ? k : m) * lda);
                float[] b = random(rng, bOffset + (transB ? n : k) * ldb);
                float[] c = random(rng, cOffset + m * ldc + pad);
                for (float beta : new float[] {0f, 0.5f}) {
                    float[] expected = c.clone();
                    float[] got = c.clone();
                    copying.sgemm(transA, transB, m, n, k, 1.25f, a, aOffset, lda, b, bOffset, ldb, beta, expected, cOffset, ldc);
                    inPlace.sgemm(transA, transB, m, n, k, 1.25f, a, aOffset, lda, b, bOffset, ldb, beta, got, cOffset, ldc);
                    assertArrayEquals(expected, got, Arrays.toString(s) + " pad " + pad + " beta " + beta);

                    double[] ad = toDoubles(a), bd = toDoubles(b);
                    double[] expectedD = toDoubles(c), gotD = toDoubles(c);
                    copying.dgemm(transA, transB, m, n, k, -0.5, ad, aOffset, lda, bd, bOffset, ldb, beta, expectedD, cOffset, ldc);
                    inPlace.dgemm(transA, transB, m, n, k, -0.5, ad, aOffset, lda, bd, bOffset, ldb, beta, gotD, cOffset, ldc);
                    assertArrayEquals(expectedD, gotD, "dgemm " + Arrays.toString(s) + " pad " + pad + " beta " + beta);
                }
            }
        }
    }

    @Test
    void anOperandPastItsArrayIsRefusedBeforeNativeCodeRuns() {
        OpenBlas inPlace = BlasImplementationsAgreeTest.openBlas(true);
        float[] four = new float[4];
        float[] c = {7, 7, 7, 7};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> inPlace.sgemm(false, false, 2, 2, 2, 1f, four, 1, 2, four, 0, 2, 0f, c, 0, 2));
        assertTrue(e.getMessage().startsWith("a has 4 elements"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> inPlace.sgemm(false, false, 2, 2, 2, 1f, four, 0, 2, four, 0, 2, 0f, c, 1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> inPlace.dgemm(true, false, 2, 2, 2, 1, new double[3], 0, 2, new double[4], 0, 2, 0, new double[4], 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> inPlace.sgemm(false, false, 2, 2, 2, 1f, four, 0, 1, four, 0, 2, 0f, c, 0, 2));
        assertEquals("[7.0, 7.0, 7.0, 7.0]", Arrays.toString(c));
    }

    private static float[] random(Rng rng, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
