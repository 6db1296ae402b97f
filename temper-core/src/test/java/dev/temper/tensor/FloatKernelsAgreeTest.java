package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float32 kernels (dedicated loops, parallel chunks, sgemm) against the float64 path on the same values: both
 * start from one seeded float32 tensor, so they differ only by float32 rounding. Matrix products are also checked
 * against a naive triple loop in double written here, so a bug shared by both paths (a wrong transpose flag, a
 * wrong batch stride) cannot hide.
 *
 * <p>Tolerance: {@code |f32 - f64| <= 1e-6 + 1e-5 |f64|} for elementwise ops and reductions (each float32 result
 * is a double computation rounded once, error about 6e-8 relative). Dot products of length k can cancel, so they
 * get {@code 1e-6 + 1e-5 sum_k |a_ik b_kj|}, the textbook bound for k up to a few hundred in float32.
 */
class FloatKernelsAgreeTest {
    private static final double RELATIVE = 1e-5;
    private static final double ABSOLUTE = 1e-6;

    // ---- elementwise binary ----

    static Stream<Arguments> binaryShapes() {
        return Stream.of(
                Arguments.of(new int[] {3, 4}, new int[] {3, 4}),
                Arguments.of(new int[] {3, 4}, new int[] {4}),
                Arguments.of(new int[] {4}, new int[] {3, 4}),
                Arguments.of(new int[] {2, 1, 4}, new int[] {3, 1}),
                Arguments.of(new int[] {4, 1}, new int[] {1, 5}),
                Arguments.of(new int[] {3, 4}, new int[] {}),
                // large enough to be split into parallel chunks, and to hit each dedicated float32 loop:
                Arguments.of(new int[] {300, 257}, new int[] {300, 257}), // both contiguous rows
                Arguments.of(new int[] {300, 257}, new int[] {257}), // same row for every row
                Arguments.of(new int[] {300, 257}, new int[] {300, 1}), // one value per row (stride 0)
                Arguments.of(new int[] {1, 257}, new int[] {300, 1})); // both broadcast
    }

    @ParameterizedTest(name = "{0} op {1}")
    @MethodSource("binaryShapes")
    void binaryOpsAgreeWithFloat64(int[] shapeA, int[] shapeB) {
        Rng rng = new Rng(11);
        Tensor a = rng.normal(0f, 1f, shapeA);
        Tensor b = rng.normal(0f, 1f, shapeB);
        Tensor denominator = b.abs().add(0.5);
        checkBinary("add", Tensor::add, a, b);
        checkBinary("sub", Tensor::sub, a, b);
        checkBinary("mul", Tensor::mul, a, b);
        checkBinary("div", Tensor::div, a, denominator);
        checkBinary("div (negative denominators)", Tensor::div, a, denominator.neg());
    }

    @Test
    void binaryOpsOnTransposedViewsAgreeWithFloat64() {
        Rng rng = new Rng(12);
        Tensor a = rng.normal(0f, 1f, 40, 30).transpose(); // [30, 40] view with strides (1, 30)
        Tensor b = rng.normal(0f, 1f, 30, 40);
        Tensor row = rng.normal(0f, 1f, 40);
        checkBinary("add view + contiguous", Tensor::add, a, b);
        checkBinary("add contiguous + view", Tensor::add, b, a);
        checkBinary("mul view * row", Tensor::mul, a, row);
        checkBinary("sub view - view", Tensor::sub, a, a.mul(0.5).transpose().transpose());
        checkBinary("div view / row", Tensor::div, a, row.abs().add(0.5));
    }

    @Test
    void scalarArithmeticAgreesWithFloat64() {
        Tensor a = new Rng(13).normal(0f, 1f, 200, 300);
        check("mul(2.5)", a.mul(2.5), a.to(DType.FLOAT64).mul(2.5));
        check("add(-0.75)", a.add(-0.75), a.to(DType.FLOAT64).add(-0.75));
    }

    // ---- elementwise unary ----

    static Stream<Arguments> unaryShapes() {
        return Stream.of(Arguments.of((Object) new int[] {3, 4}), Arguments.of((Object) new int[] {1000, 100}));
    }

    @ParameterizedTest(name = "shape {0}")
    @MethodSource("unaryShapes")
    void unaryOpsAgreeWithFloat64(int[] shape) {
        Tensor x = new Rng(21).normal(0f, 3f, shape);
        checkUnary("relu", Tensor::relu, x);
        checkUnary("sigmoid", Tensor::sigmoid, x);
        checkUnary("tanh", Tensor::tanh, x);
        checkUnary("exp", Tensor::exp, x);
        checkUnary("log", Tensor::log, x.abs().add(0.01));
        checkUnary("relu of a transposed view", Tensor::relu, x.transpose());
        checkUnary("sigmoid of a transposed view", Tensor::sigmoid, x.transpose());
    }

    @Test
    void reluMatchesItsDefinitionExactly() {
        // The dedicated float32 ReLU loop is exact: max(x, 0) with no rounding at all.
        Tensor x = new Rng(22).normal(0f, 1f, 1000, 100);
        float[] in = x.floatData();
        float[] out = x.relu().floatData();
        for (int i = 0; i < in.length; i++) {
            assertEquals(in[i] > 0 ? in[i] : 0f, out[i], "element " + i);
        }
    }

    // ---- softmax ----

    @Test
    void softmaxAndLogSoftmaxAgreeWithFloat64() {
        Rng rng = new Rng(31);
        for (float scale : new float[] {1f, 30f}) { // 30: logits in the hundreds, where a naive exp overflows
            Tensor x = rng.normal(0f, scale, 7, 33);
            checkUnary("softmax (scale " + scale + ")", Tensor::softmax, x);
            checkUnary("logSoftmax (scale " + scale + ")", Tensor::logSoftmax, x);
            Tensor rank3 = rng.normal(0f, scale, 2, 5, 9);
            checkUnary("softmax rank 3", Tensor::softmax, rank3);
            checkUnary("logSoftmax rank 3", Tensor::logSoftmax, rank3);
            checkUnary("softmax of a transposed view", Tensor::softmax, x.transpose());
        }
        Tensor big = rng.normal(0f, 2f, 2000, 40); // several parallel chunks
        checkUnary("softmax [2000, 40]", Tensor::softmax, big);
        checkUnary("logSoftmax [2000, 40]", Tensor::logSoftmax, big);
    }

    // ---- reductions ----

    @Test
    void sumsOverAxesAgreeWithFloat64() {
        Rng rng = new Rng(41);
        Tensor small = rng.normal(0f, 1f, 5, 6, 7);
        Tensor wide = rng.normal(0f, 1f, 3, 64, 600); // inner length above the 256-element block
        for (Tensor x : new Tensor[] {small, wide, small.transpose()}) {
            for (int[] axes : new int[][] {{0}, {1}, {2}, {-1}, {0, 2}, {0, 1, 2}, {}}) {
                for (boolean keepDims : new boolean[] {false, true}) {
                    String what = "sum over " + java.util.Arrays.toString(axes) + " keepDims " + keepDims + " of " + x.shape();
                    check(what, x.sum(keepDims, axes), x.to(DType.FLOAT64).sum(keepDims, axes));
                }
            }
            check("sum of all of " + x.shape(), x.sum(), x.to(DType.FLOAT64).sum());
            check("mean over axis 1 of " + x.shape(), x.mean(false, 1), x.to(DType.FLOAT64).mean(false, 1));
        }
    }

    @Test
    void sumOverAnAxisMatchesANaiveLoop() {
        Tensor x = new Rng(42).normal(0f, 1f, 7, 50, 9);
        Tensor s = x.sum(false, 1);
        for (int i = 0; i < 7; i++) {
            for (int k = 0; k < 9; k++) {
                double naive = 0;
                for (int j = 0; j < 50; j++) {
                    naive += x.get(i, j, k);
                }
                assertClose("sum over axis 1 at " + i + "," + k, naive, s.get(i, k), ABSOLUTE + RELATIVE * Math.abs(naive));
            }
        }
    }

    @Test
    void maxAgreesWithFloat64Exactly() {
        // Same float32 values in both types, and max does no arithmetic: the results are identical.
        Tensor x = new Rng(43).normal(0f, 1f, 4, 5, 300);
        for (int axis : new int[] {0, 1, 2, -1}) {
            for (boolean keepDims : new boolean[] {false, true}) {
                Tensor f32 = x.max(axis, keepDims);
                Tensor f64 = x.to(DType.FLOAT64).max(axis, keepDims);
                assertArrayEquals(f64.dims(), f32.dims());
                assertArrayEquals(f64.toDoubleArray(), f32.toDoubleArray(), 0.0, "max over axis " + axis);
            }
        }
        Tensor m = x.max(1, false);
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 300; k += 37) {
                double naive = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < 5; j++) {
                    naive = Math.max(naive, x.get(i, j, k));
                }
                assertEquals(naive, m.get(i, k), 0.0);
            }
        }
    }

    @Test
    void float32SumOfAMillionElementsMatchesANaiveDoubleLoop() {
        Tensor x = new Rng(44).normal(1f, 2f, 1_000_000);
        float[] data = x.floatData();
        double naive = 0;
        for (float v : data) {
            naive += v;
        }
        double f32 = x.sum().item();
        double f64 = x.to(DType.FLOAT64).sum().item();
        // float32: accumulated in double, rounded to float once at the end (relative error below 6e-8).
        assertClose("float32 sum", naive, f32, 1e-7 * Math.abs(naive));
        assertClose("float64 sum", naive, f64, 1e-12 * Math.abs(naive));
        // A float accumulator would lose digits here; the float32 result must be the rounded double sum.
        assertEquals((float) naive, (float) f32, Math.ulp((float) naive));
    }

    // ---- matrix products ----

    static Stream<Arguments> matmulCases() {
        Rng rng = new Rng(51);
        return Stream.of(
                Arguments.of("2-D [17,33] @ [33,9]", rng.normal(0f, 1f, 17, 33), rng.normal(0f, 1f, 33, 9)),
                Arguments.of("[33,17]^T @ [33,9]", rng.normal(0f, 1f, 33, 17).transpose(), rng.normal(0f, 1f, 33, 9)),
                Arguments.of("[17,33] @ [9,33]^T", rng.normal(0f, 1f, 17, 33), rng.normal(0f, 1f, 9, 33).transpose()),
                Arguments.of("[33,17]^T @ [9,33]^T", rng.normal(0f, 1f, 33, 17).transpose(), rng.normal(0f, 1f, 9, 33).transpose()),
                Arguments.of("row slice [5..12) of [20,33] @ [33,9]", rng.normal(0f, 1f, 20, 33).rows(5, 12), rng.normal(0f, 1f, 33, 9)),
                Arguments.of("large [130,257] @ [257,70]", rng.normal(0f, 1f, 130, 257), rng.normal(0f, 1f, 257, 70)),
                Arguments.of("batched [3,5,7] @ [3,7,4]", rng.normal(0f, 1f, 3, 5, 7), rng.normal(0f, 1f, 3, 7, 4)),
                Arguments.of("batch-broadcast [3,5,7] @ [7,4]", rng.normal(0f, 1f, 3, 5, 7), rng.normal(0f, 1f, 7, 4)),
                Arguments.of("batch-broadcast [5,7] @ [3,7,4]", rng.normal(0f, 1f, 5, 7), rng.normal(0f, 1f, 3, 7, 4)),
                Arguments.of("batch-broadcast [2,1,5,7] @ [3,7,4]", rng.normal(0f, 1f, 2, 1, 5, 7), rng.normal(0f, 1f, 3, 7, 4)),
                Arguments.of("batched transposed view [3,7,5]^T @ [3,7,4]", rng.normal(0f, 1f, 3, 7, 5).transpose(), rng.normal(0f, 1f, 3, 7, 4)),
                Arguments.of("batched transposed view [3,7,5]^T @ [7,4]", rng.normal(0f, 1f, 3, 7, 5).transpose(), rng.normal(0f, 1f, 7, 4)),
                Arguments.of("batched [3,5,7] @ [3,4,7]^T", rng.normal(0f, 1f, 3, 5, 7), rng.normal(0f, 1f, 3, 4, 7).transpose()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matmulCases")
    void matmulAgreesWithFloat64AndANaiveLoop(String name, Tensor a, Tensor b) {
        Tensor f32 = a.matmul(b);
        Tensor f64 = a.to(DType.FLOAT64).matmul(b.to(DType.FLOAT64));
        Tensor[] naive = naiveMatmul(a, b);
        assertEquals(DType.FLOAT32, f32.dtype());
        assertEquals(DType.FLOAT64, f64.dtype());
        assertArrayEquals(naive[0].dims(), f32.dims(), name + ": float32 shape");
        assertArrayEquals(naive[0].dims(), f64.dims(), name + ": float64 shape");
        for (int i = 0; i < naive[0].size(); i++) {
            double exact = naive[0].getFlat(i);
            double bound = naive[1].getFlat(i);
            assertClose(name + " float32 element " + i, exact, f32.getFlat(i), ABSOLUTE + RELATIVE * bound);
            assertClose(name + " float64 element " + i, exact, f64.getFlat(i), 1e-12 * (1 + bound));
        }
    }

    @Test
    void linearAgreesWithFloat64AndANaiveLoop() {
        Rng rng = new Rng(61);
        Tensor x = rng.normal(0f, 1f, 31, 45);
        Tensor w = rng.normal(0f, 1f, 45, 12);
        Tensor bias = rng.normal(0f, 1f, 12);
        for (Tensor b : new Tensor[] {bias, null}) {
            Tensor f32 = x.linear(w, b);
            Tensor f64 = x.to(DType.FLOAT64).linear(w.to(DType.FLOAT64), b == null ? null : b.to(DType.FLOAT64));
            Tensor[] product = naiveMatmul(x, w);
            assertArrayEquals(new int[] {31, 12}, f32.dims());
            for (int r = 0; r < 31; r++) {
                for (int c = 0; c < 12; c++) {
                    double exact = product[0].get(r, c) + (b == null ? 0 : b.get(c));
                    double bound = product[1].get(r, c) + (b == null ? 0 : Math.abs(b.get(c)));
                    String where = (b == null ? "linear without bias" : "linear with bias") + " at " + r + "," + c;
                    assertClose(where + " float32", exact, f32.get(r, c), ABSOLUTE + RELATIVE * bound);
                    assertClose(where + " float64", exact, f64.get(r, c), 1e-12 * (1 + bound));
                }
            }
        }
    }

    @Test
    void linearOnTransposedViewsAgreesWithFloat64() {
        Rng rng = new Rng(62);
        Tensor x = rng.normal(0f, 1f, 45, 31).transpose();
        Tensor w = rng.normal(0f, 1f, 12, 45).transpose();
        Tensor bias = rng.normal(0f, 1f, 12);
        Tensor f32 = x.linear(w, bias);
        Tensor f64 = x.to(DType.FLOAT64).linear(w.to(DType.FLOAT64), bias.to(DType.FLOAT64));
        Tensor[] product = naiveMatmul(x, w);
        for (int r = 0; r < 31; r++) {
            for (int c = 0; c < 12; c++) {
                double exact = product[0].get(r, c) + bias.get(c);
                double bound = product[1].get(r, c) + Math.abs(bias.get(c));
                assertClose("linear float32 at " + r + "," + c, exact, f32.get(r, c), ABSOLUTE + RELATIVE * bound);
                assertClose("linear float64 at " + r + "," + c, exact, f64.get(r, c), 1e-12 * (1 + bound));
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static void checkBinary(String what, BinaryOperator<Tensor> op, Tensor a, Tensor b) {
        check(what + " " + a.shape() + ", " + b.shape(), op.apply(a, b), op.apply(a.to(DType.FLOAT64), b.to(DType.FLOAT64)));
    }

    private static void checkUnary(String what, UnaryOperator<Tensor> op, Tensor x) {
        check(what + " " + x.shape(), op.apply(x), op.apply(x.to(DType.FLOAT64)));
    }

    /** float32 result against the float64 one: same shape and type, every element within tolerance. */
    private static void check(String what, Tensor f32, Tensor f64) {
        assertEquals(DType.FLOAT32, f32.dtype(), what);
        assertEquals(DType.FLOAT64, f64.dtype(), what);
        assertArrayEquals(f64.dims(), f32.dims(), what + ": shapes");
        double[] expected = f64.toDoubleArray();
        double[] actual = f32.toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            assertClose(what + " element " + i, expected[i], actual[i], ABSOLUTE + RELATIVE * Math.abs(expected[i]));
        }
    }

    private static void assertClose(String what, double expected, double actual, double tolerance) {
        assertTrue(Double.isFinite(actual) && Math.abs(actual - expected) <= tolerance,
                () -> what + ": expected " + expected + " +- " + tolerance + ", got " + actual);
    }

    /**
     * {@code a @ b} by the definition, in double, with NumPy batch broadcasting; also returns
     * {@code sum_k |a_ik b_kj|} for each element, the scale of its rounding error.
     */
    private static Tensor[] naiveMatmul(Tensor a, Tensor b) {
        int m = a.dim(-2);
        int k = a.dim(-1);
        int n = b.dim(-1);
        assertEquals(k, b.dim(-2), "naiveMatmul: inner dimensions");
        int[] aBatch = java.util.Arrays.copyOf(a.dims(), a.rank() - 2);
        int[] bBatch = java.util.Arrays.copyOf(b.dims(), b.rank() - 2);
        int[] batch = Shape.broadcast(Shape.of(aBatch), Shape.of(bBatch), "naiveMatmul").toArray();
        int[] outDims = java.util.Arrays.copyOf(batch, batch.length + 2);
        outDims[batch.length] = m;
        outDims[batch.length + 1] = n;
        Tensor out = Tensor.zeros(DType.FLOAT64, outDims);
        Tensor scale = Tensor.zeros(DType.FLOAT64, outDims);
        int batches = Shape.of(batch).size();
        for (int t = 0; t < batches; t++) {
            int[] bi = unflatten(t, batch);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    double abs = 0;
                    for (int p = 0; p < k; p++) {
                        double product = a.get(index(bi, a.rank(), a.dims(), i, p)) * b.get(index(bi, b.rank(), b.dims(), p, j));
                        sum += product;
                        abs += Math.abs(product);
                    }
                    int[] o = index(bi, outDims.length, outDims, i, j);
                    out.set(sum, o);
                    scale.set(abs, o);
                }
            }
        }
        return new Tensor[] {out, scale};
    }

    private static int[] unflatten(int flat, int[] dims) {
        int[] index = new int[dims.length];
        for (int i = dims.length - 1; i >= 0; i--) {
            index[i] = flat % dims[i];
            flat /= dims[i];
        }
        return index;
    }

    /** The full index into a tensor of rank {@code rank} for batch position {@code batch} (broadcast axes read 0). */
    private static int[] index(int[] batch, int rank, int[] dims, int row, int col) {
        int[] index = new int[rank];
        int lead = batch.length - (rank - 2);
        for (int i = 0; i < rank - 2; i++) {
            index[i] = dims[i] == 1 ? 0 : batch[lead + i];
        }
        index[rank - 2] = row;
        index[rank - 1] = col;
        return index;
    }
}
