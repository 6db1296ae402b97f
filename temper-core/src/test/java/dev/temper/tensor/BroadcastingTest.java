package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Binary ops against a naive NumPy-style broadcasting loop written here. */
class BroadcastingTest {

    /** An op as the tensor API exposes it, and its definition on one pair of numbers. */
    private record Op(String name, BinaryOperator<Tensor> tensorOp, DoubleBinaryOperator reference) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Op> OPS = List.of(
            new Op("add", Tensor::add, (a, b) -> a + b),
            new Op("sub", Tensor::sub, (a, b) -> a - b),
            new Op("mul", Tensor::mul, (a, b) -> a * b),
            new Op("div", Tensor::div, (a, b) -> a / b),
            new Op("maximum", Tensor::maximum, Math::max),
            new Op("minimum", Tensor::minimum, Math::min),
            new Op("greater", Tensor::greater, (a, b) -> a > b ? 1 : 0),
            new Op("equalTo", Tensor::equalTo, (a, b) -> a == b ? 1 : 0),
            new Op("keepWherePositive", Tensor::keepWherePositive, (a, b) -> b > 0 ? a : 0));

    private static final int[][][] SHAPE_PAIRS = {
        {{2, 3}, {3}},
        {{3}, {2, 3}},
        {{2, 1, 4}, {3, 1}},
        {{}, {2, 2}},
        {{2, 2}, {}},
        {{4, 1}, {1, 5}},
        {{2, 3}, {2, 3}},
        {{2, 3}, {2, 1}},
        {{1}, {3, 2}},
        {{0, 3}, {3}},
    };

    static Stream<Arguments> opsAndShapes() {
        List<Arguments> cases = new ArrayList<>();
        for (Op op : OPS) {
            for (int[][] pair : SHAPE_PAIRS) {
                for (DType dtype : DType.values()) {
                    cases.add(Arguments.of(op, pair[0], pair[1], dtype));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Op> ops() {
        return OPS.stream();
    }

    /**
     * Small integers (with zeros and ties, so greater, equalTo and keepWherePositive see both outcomes) plus
     * a fraction, so add and mul are not exact integer arithmetic.
     */
    private static Tensor random(Rng rng, DType dtype, int... shape) {
        Tensor t = Tensor.zeros(dtype, shape);
        for (int i = 0; i < t.size(); i++) {
            int v = rng.nextInt(5) - 2;
            t.setFlat(i, rng.nextInt(4) == 0 ? v + 0.375 : v);
        }
        return t;
    }

    /** Naive broadcasting: the output shape, then each output element from the aligned input elements. */
    private static Tensor naive(DoubleBinaryOperator f, Tensor a, Tensor b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dim(i - (rank - a.rank()));
            int db = i < rank - b.rank() ? 1 : b.dim(i - (rank - b.rank()));
            assertTrue(da == db || da == 1 || db == 1, "test bug: shapes do not broadcast");
            out[i] = da == 1 ? db : da;
        }
        Tensor y = Tensor.zeros(a.dtype(), out);
        int[] index = new int[rank];
        for (int flat = 0; flat < y.size(); flat++) {
            int rest = flat;
            for (int i = rank - 1; i >= 0; i--) {
                index[i] = rest % out[i];
                rest /= out[i];
            }
            double va = a.get(project(index, a));
            double vb = b.get(project(index, b));
            double v = f.applyAsDouble(va, vb);
            y.setFlat(flat, a.dtype() == DType.FLOAT32 ? (float) v : v);
        }
        return y;
    }

    /** The index into {@code t} of an output index: trailing axes aligned, size-1 axes pinned to 0. */
    private static int[] project(int[] outIndex, Tensor t) {
        int[] index = new int[t.rank()];
        int lead = outIndex.length - t.rank();
        for (int i = 0; i < t.rank(); i++) {
            index[i] = t.dim(i) == 1 ? 0 : outIndex[lead + i];
        }
        return index;
    }

    private static void assertSameValues(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what);
        assertArrayEquals(expected.dims(), actual.dims(), what);
        // Exact: one float32 rounding of an exact double result, the same in kernel and reference (NaN == NaN).
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), what);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("opsAndShapes")
    void broadcastsLikeNumPy(Op op, int[] shapeA, int[] shapeB, DType dtype) {
        Rng rng = new Rng(17);
        Tensor a = random(rng, dtype, shapeA);
        Tensor b = random(rng, dtype, shapeB);
        assertSameValues(naive(op.reference(), a, b), op.tensorOp().apply(a, b), op.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void broadcastsTransposedAndNarrowedOperands(Op op) {
        for (DType dtype : DType.values()) {
            Rng rng = new Rng(5);
            Tensor a = random(rng, dtype, 3, 2).transpose(); // [2, 3], strides (1, 2)
            Tensor b = random(rng, dtype, 3, 2).transpose(); // [2, 3]
            Tensor column = random(rng, dtype, 2, 4).narrow(1, 2, 1); // [2, 1], row stride 4
            Tensor row = random(rng, dtype, 3, 3).transpose().narrow(0, 1, 1); // [1, 3], strides (1, 3)
            Tensor cube = random(rng, dtype, 4, 1, 2).transpose(0, 2); // [2, 1, 4]
            Tensor tall = random(rng, dtype, 1, 3).transpose(); // [3, 1]

            assertSameValues(naive(op.reference(), a, b), op.tensorOp().apply(a, b), op + " transposed both");
            assertSameValues(naive(op.reference(), a, column), op.tensorOp().apply(a, column), op + " column view");
            assertSameValues(naive(op.reference(), column, a), op.tensorOp().apply(column, a), op + " column first");
            assertSameValues(naive(op.reference(), row, a), op.tensorOp().apply(row, a), op + " row view");
            assertSameValues(naive(op.reference(), cube, tall), op.tensorOp().apply(cube, tall), op + " 3-D view");
        }
    }

    @Test
    void resultIsAFreshContiguousTensorAndTheOperandsAreUnchanged() {
        Tensor a = Tensor.arange(6).reshape(2, 3);
        Tensor b = Tensor.arange(3);
        Tensor y = a.add(b);
        assertTrue(y.isContiguous());
        assertArrayEquals(new float[] {0, 2, 4, 3, 5, 7}, y.toFloatArray());
        y.set(100, 0, 0);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, a.toFloatArray());
        assertArrayEquals(new float[] {0, 1, 2}, b.toFloatArray());
    }

    @Test
    void scalarShortcutsBroadcastAScalarOfTheSameType() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        assertArrayEquals(new double[] {1.1, 2.1, 3.1, 4.1}, a.add(0.1).toDoubleArray());
        assertArrayEquals(new double[] {-0.5, -1, -1.5, -2}, a.mul(-0.5).toDoubleArray());
        assertEquals(DType.FLOAT64, a.add(1).dtype());
        assertArrayEquals(new float[] {3, 6}, Tensor.of(new float[] {1, 2}, 2).mul(3).toFloatArray());
    }

    @Test
    void incompatibleShapesNameTheOpAndBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).add(Tensor.zeros(4)));
        String message = e.getMessage();
        assertTrue(message.contains("add"), message);
        assertTrue(message.contains("[2, 3]"), message);
        assertTrue(message.contains("[4]"), message);

        IllegalArgumentException mulError = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 1, 3).mul(Tensor.zeros(4, 2)));
        assertTrue(mulError.getMessage().contains("mul"), mulError.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).keepWherePositive(Tensor.zeros(2)));
    }

    @Test
    void mixedTypesAreRejectedNamingBothTypes() {
        Tensor f = Tensor.zeros(DType.FLOAT32, 2);
        Tensor d = Tensor.zeros(DType.FLOAT64, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.add(d));
        assertTrue(e.getMessage().contains("FLOAT32"), e.getMessage());
        assertTrue(e.getMessage().contains("FLOAT64"), e.getMessage());
        assertTrue(e.getMessage().contains("add"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.greater(f));
    }

    @Test
    void nanFollowsIeeeComparisonRules() {
        Tensor a = Tensor.of(new float[] {Float.NaN, 1, Float.NaN}, 3);
        Tensor b = Tensor.of(new float[] {1, Float.NaN, Float.NaN}, 3);
        assertArrayEquals(new float[] {0, 0, 0}, a.greater(b).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0}, a.equalTo(b).toFloatArray()); // NaN != NaN
        // NaN in the kept values passes through; a NaN mask is not positive, so it gives 0.
        assertArrayEquals(new float[] {Float.NaN, 0, 0}, a.keepWherePositive(b).toFloatArray());
    }
}
