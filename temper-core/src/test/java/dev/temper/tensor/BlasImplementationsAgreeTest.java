package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both GEMM implementations, called directly with raw arrays: the engine's default ({@link Backend#blas()},
 * OpenBLAS where it loads) and the pure-Java {@link JavaBlas}. Each must match a naive loop written here for every
 * transpose combination, with operands at offsets, leading dimensions wider than the rows, and alpha/beta not
 * 1/0; and the two must agree with each other on the same arrays.
 */
class BlasImplementationsAgreeTest {

    /** m, n, k: odd sizes, sizes of 1, and one large enough to cross blocking boundaries. */
    private static final int[][] SIZES = {{5, 7, 3}, {1, 9, 4}, {17, 1, 33}, {6, 5, 1}, {70, 45, 131}};

    static Stream<Arguments> implementations() {
        return Stream.of(
                Arguments.of("Backend.blas()", (Supplier<Blas>) Backend::blas),
                Arguments.of("OpenBlas copying", (Supplier<Blas>) () -> openBlas(false)),
                Arguments.of("OpenBlas in place", (Supplier<Blas>) () -> openBlas(true)),
                Arguments.of("JavaBlas(2)", (Supplier<Blas>) () -> new JavaBlas(2)));
    }

    /** OpenBLAS on the given path; skips where OpenBLAS, or the shim for the in-place path, does not load. */
    static OpenBlas openBlas(boolean inPlace) {
        assumeFalse("java".equalsIgnoreCase(System.getProperty("temper.blas", "")), "Java GEMM forced");
        assumeTrue(Backend.blas() instanceof OpenBlas, "OpenBLAS does not load here");
        OpenBlas blas = OpenBlas.load(2, inPlace);
        assumeTrue(blas.inPlace() == inPlace, blas.name());
        return blas;
    }

    /** One GEMM call's operands, laid out with offsets and padded rows; C's padding holds sentinels. */
    private record Call(boolean transA, boolean transB, int m, int n, int k, int aOffset, int lda, int bOffset,
                        int ldb, int cOffset, int ldc, double[] a, double[] b, double[] c) {

        static Call random(Rng rng, boolean transA, boolean transB, int m, int n, int k) {
            int lda = (transA ? m : k) + 1 + rng.nextInt(3);
            int ldb = (transB ? k : n) + 1 + rng.nextInt(3);
            int ldc = n + 2;
            int aOffset = 1 + rng.nextInt(5);
            int bOffset = rng.nextInt(5);
            int cOffset = 3;
            double[] a = values(rng, aOffset + (transA ? k : m) * lda + 2);
            double[] b = values(rng, bOffset + (transB ? n : k) * ldb + 2);
            double[] c = values(rng, cOffset + m * ldc + 2);
            return new Call(transA, transB, m, n, k, aOffset, lda, bOffset, ldb, cOffset, ldc, a, b, c);
        }

        private static double[] values(Rng rng, int length) {
            double[] v = new double[length];
            for (int i = 0; i < length; i++) {
                v[i] = rng.nextDouble() * 2 - 1;
            }
            return v;
        }

        double opA(int i, int p) {
            return transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
        }

        double opB(int p, int j) {
            return transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
        }

        boolean insideC(int index) {
            int r = index - cOffset;
            return r >= 0 && r / ldc < m && r % ldc < n;
        }

        /** The reference result: C inside the m x n window, untouched elsewhere; beta == 0 ignores old C. */
        double[] naive(double alpha, double beta) {
            double[] out = c.clone();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double acc = 0;
                    for (int p = 0; p < k; p++) {
                        acc += opA(i, p) * opB(p, j);
                    }
                    int at = cOffset + i * ldc + j;
                    out[at] = alpha * acc + (beta == 0 ? 0 : beta * c[at]);
                }
            }
            return out;
        }

        double[] dgemm(Blas blas, double alpha, double beta) {
            double[] out = c.clone();
            blas.dgemm(transA, transB, m, n, k, alpha, a.clone(), aOffset, lda, b.clone(), bOffset, ldb,
                    beta, out, cOffset, ldc);
            return out;
        }

        float[] sgemm(Blas blas, float alpha, float beta) {
            float[] out = toFloats(c);
            blas.sgemm(transA, transB, m, n, k, alpha, toFloats(a), aOffset, lda, toFloats(b), bOffset, ldb,
                    beta, out, cOffset, ldc);
            return out;
        }

        /** The same call with every value rounded to float32, so the double reference fits the float inputs. */
        Call roundedToFloat() {
            return new Call(transA, transB, m, n, k, aOffset, lda, bOffset, ldb, cOffset, ldc,
                    toDoubles(toFloats(a)), toDoubles(toFloats(b)), toDoubles(toFloats(c)));
        }

        String describe() {
            return String.format(Locale.ROOT, "transA=%s transB=%s m=%d n=%d k=%d lda=%d ldb=%d ldc=%d",
                    transA, transB, m, n, k, lda, ldb, ldc);
        }
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static void assertResult(Call call, double[] expected, double[] got, double tolerance, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (call.insideC(i)) {
                assertEquals(expected[i], got[i], tolerance, what + " " + call.describe() + " at " + i);
            } else {
                // outside the m x n window (before the offset, padding columns, after the end): bit for bit
                assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(got[i]),
                        what + " " + call.describe() + " wrote outside C's window at " + i);
            }
        }
    }

    private static final boolean[][] TRANSPOSES = {{false, false}, {false, true}, {true, false}, {true, true}};

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void dgemmMatchesTheNaiveLoopForEveryTransposeCombination(String name, Supplier<Blas> implementation) {
        Blas blas = implementation.get();
        Rng rng = new Rng(11);
        for (boolean[] t : TRANSPOSES) {
            for (int[] size : SIZES) {
                Call call = Call.random(rng, t[0], t[1], size[0], size[1], size[2]);
                assertResult(call, call.naive(0.75, -0.5), call.dgemm(blas, 0.75, -0.5), 1e-13 * size[2], name);
                assertResult(call, call.naive(1, 0), call.dgemm(blas, 1, 0), 1e-13 * size[2], name);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void sgemmMatchesTheNaiveLoopForEveryTransposeCombination(String name, Supplier<Blas> implementation) {
        Blas blas = implementation.get();
        Rng rng = new Rng(12);
        for (boolean[] t : TRANSPOSES) {
            for (int[] size : SIZES) {
                Call call = Call.random(rng, t[0], t[1], size[0], size[1], size[2]).roundedToFloat();
                double tolerance = 1e-6 * (size[2] + 1);
                assertResult(call, call.naive(0.75, -0.5), toDoubles(call.sgemm(blas, 0.75f, -0.5f)), tolerance, name);
                assertResult(call, call.naive(1, 1), toDoubles(call.sgemm(blas, 1f, 1f)), tolerance, name);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void betaZeroOverwritesCEvenWhereItHoldsNaN(String name, Supplier<Blas> implementation) {
        Blas blas = implementation.get();
        float[] a = {1, 2, 3, 4}; // [[1, 2], [3, 4]]
        float[] b = {1, 0, 0, 1}; // identity
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        blas.sgemm(false, false, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
        assertEquals("[1.0, 2.0, 3.0, 4.0]", Arrays.toString(c), name);

        double[] d = {Double.NaN, Double.NaN};
        blas.dgemm(false, true, 1, 2, 2, 2.0, new double[] {1, 2}, 0, 2, new double[] {1, 1, 0, 1}, 0, 2, 0.0, d, 0, 2);
        assertEquals("[6.0, 4.0]", Arrays.toString(d), name); // 2 * [1, 2] @ [[1, 0], [1, 1]]
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void emptyInnerDimensionScalesCByBetaAndEmptyOutputTouchesNothing(String name, Supplier<Blas> implementation) {
        Blas blas = implementation.get();
        double[] c = {1, 2, 3, 4};
        blas.dgemm(false, false, 2, 2, 0, 1.0, new double[0], 0, 1, new double[0], 0, 2, 0.5, c, 0, 2);
        assertEquals("[0.5, 1.0, 1.5, 2.0]", Arrays.toString(c), name);

        float[] untouched = {5, 6};
        blas.sgemm(false, false, 0, 2, 3, 1f, new float[0], 0, 3, new float[6], 0, 2, 0f, untouched, 0, 2);
        blas.sgemm(false, false, 2, 0, 3, 1f, new float[6], 0, 3, new float[0], 0, 1, 0f, untouched, 0, 1);
        assertEquals("[5.0, 6.0]", Arrays.toString(untouched), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void sdotMatchesAnExactSumAtOffsetsAndLengthsOffTheVectorWidth(String name, Supplier<Blas> implementation) {
        Blas blas = implementation.get();
        Rng rng = new Rng(14);
        float[] x = new float[40_000];
        float[] y = new float[40_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextFloat() - 0.3f;
            y[i] = rng.nextFloat() - 0.6f;
        }
        for (int[] c : new int[][] {{0, 0, 0}, {1, 0, 3}, {7, 5, 17}, {32_768, 0, 0}, {39_000, 999, 13}}) {
            int n = c[0], xo = c[1], yo = c[2];
            java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
            double absolute = 0;
            for (int i = 0; i < n; i++) {
                exact = exact.add(new java.math.BigDecimal((double) x[xo + i] * y[yo + i]));
                absolute += Math.abs((double) x[xo + i] * y[yo + i]);
            }
            // float32 accumulation: within a few float ulps of the sum of magnitudes, nowhere near the values' own size
            assertEquals(exact.doubleValue(), blas.sdot(n, x, xo, y, yo), 1e-6 * absolute + 1e-30,
                    name + ": sdot of " + n + " from " + xo + ", " + yo);
        }
        float[] squares = {3, 4};
        assertEquals(25.0, blas.sdot(2, squares, 0, squares, 0), name);
    }

    @Test
    void openBlasAndJavaBlasAgreeOnTheSameArrays() {
        Blas openBlas = Backend.blas();
        Blas java = new JavaBlas(2);
        Rng rng = new Rng(13);
        for (boolean[] t : TRANSPOSES) {
            for (int[] size : SIZES) {
                Call call = Call.random(rng, t[0], t[1], size[0], size[1], size[2]).roundedToFloat();
                String what = openBlas.name() + " vs " + java.name();
                assertResult(call, call.dgemm(openBlas, 1.5, 0.25), call.dgemm(java, 1.5, 0.25), 1e-13 * size[2], what);
                assertResult(call, toDoubles(call.sgemm(openBlas, -1f, 1f)), toDoubles(call.sgemm(java, -1f, 1f)),
                        1e-6 * (size[2] + 1), what);
            }
        }
    }

    @Test
    void theDefaultGemmIsNativeOpenBlasOnLinuxX86() {
        // Elsewhere the Java fallback is expected; on the platform whose native library we bundle, falling back
        // silently would make every "OpenBLAS" test above a second test of JavaBlas.
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")), "not linux-x86_64");
        assumeFalse("java".equalsIgnoreCase(System.getProperty("temper.blas", "")), "Java GEMM forced");
        Blas blas = Backend.blas();
        assertInstanceOf(OpenBlas.class, blas);
        assertTrue(blas.name().contains("kernels"), blas.name());
        assertFalse(blas.name().isBlank());
    }
}
