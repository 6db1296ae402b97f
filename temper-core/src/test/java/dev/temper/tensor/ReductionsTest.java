package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reductions against naive loops written here. */
class ReductionsTest {

    private static Tensor random(Rng rng, DType dtype, int... shape) {
        Tensor t = Tensor.zeros(dtype, shape);
        for (int i = 0; i < t.size(); i++) {
            t.setFlat(i, rng.nextDouble() * 2 - 1);
        }
        return t;
    }

    /** The multi-index of the {@code flat}-th element of a shape, row-major. */
    private static int[] unflatten(int flat, int[] dims) {
        int[] index = new int[dims.length];
        for (int i = dims.length - 1; i >= 0; i--) {
            index[i] = flat % dims[i];
            flat /= dims[i];
        }
        return index;
    }

    private static int flatten(int[] index, int[] dims) {
        int flat = 0;
        for (int i = 0; i < dims.length; i++) {
            flat = flat * dims[i] + index[i];
        }
        return flat;
    }

    /** Naive sum over {@code axes} in double, keeping them as size 1: element by element into its output cell. */
    private static double[] naiveSumKeepDims(Tensor t, int[] axes) {
        int[] dims = t.dims();
        int[] outDims = dims.clone();
        for (int a : axes) {
            outDims[a] = 1;
        }
        double[] out = new double[Shape.of(outDims).size()];
        for (int flat = 0; flat < t.size(); flat++) {
            int[] index = unflatten(flat, dims);
            double v = t.get(index);
            for (int a : axes) {
                index[a] = 0;
            }
            out[flatten(index, outDims)] += v;
        }
        return out;
    }

    private static int[] keptDims(int[] dims, int[] axes) {
        int[] out = dims.clone();
        for (int a : axes) {
            out[a] = 1;
        }
        return out;
    }

    private static int[] droppedDims(int[] dims, int[] axes) {
        return Arrays.stream(keptDims(dims, axes)).filter(d -> d != 1).toArray(); // test shapes have no 1s
    }

    private static void assertClose(double[] expected, Tensor actual, double tolerance, String what) {
        double[] got = actual.toDoubleArray();
        assertEquals(expected.length, got.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], tolerance, what + " at " + i);
        }
    }

    private static double tolerance(DType dtype) {
        return dtype == DType.FLOAT32 ? 2e-6 : 1e-13;
    }

    // ---- sum and mean ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(DType.class)
    void sumOfAllElementsMatchesANaiveLoopOnContiguousAndTransposedTensors(DType dtype) {
        Tensor t = random(new Rng(1), dtype, 7, 11, 13);
        double expected = 0;
        for (int i = 0; i < t.size(); i++) {
            expected += t.getFlat(i);
        }
        Tensor s = t.sum();
        assertEquals(0, s.rank());
        assertEquals(dtype, s.dtype());
        assertEquals(expected, s.item(), tolerance(dtype) * t.size());
        assertEquals(expected, t.transpose(0, 2).sum().item(), tolerance(dtype) * t.size());
        assertEquals(0.0, Tensor.zeros(dtype, 0, 3).sum().item());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sumOverEverySubsetOfAxesMatchesANaiveLoop(DType dtype) {
        int[] dims = {3, 4, 5};
        Tensor t = random(new Rng(2), dtype, dims);
        Tensor view = random(new Rng(3), dtype, 5, 4, 3).transpose(0, 2); // [3, 4, 5], not contiguous
        int[][] subsets = {{0}, {1}, {2}, {0, 1}, {0, 2}, {1, 2}, {0, 1, 2}};
        for (Tensor input : new Tensor[] {t, view}) {
            for (int[] axes : subsets) {
                double[] expected = naiveSumKeepDims(input, axes);
                String what = "axes " + Arrays.toString(axes);

                Tensor kept = input.sum(true, axes);
                assertArrayEquals(keptDims(dims, axes), kept.dims(), what);
                assertClose(expected, kept, tolerance(dtype) * 20, what);

                Tensor dropped = input.sum(false, axes);
                assertArrayEquals(droppedDims(dims, axes), dropped.dims(), what);
                assertClose(expected, dropped, tolerance(dtype) * 20, what);
            }
        }
    }

    @Test
    void float32ColumnSumsAddTheRowsInOrderInDoubleWhateverTheirCount() {
        for (int rows : new int[] {1, 3, 4, 7, 128, 131}) {
            Tensor g = random(new Rng(rows), DType.FLOAT32, rows, 300); // 300 columns: a block of 256 and a rest
            float[] d = g.toFloatArray();
            Tensor sums = g.sum(false, 0);
            for (int j = 0; j < 300; j++) {
                double expected = 0;
                for (int r = 0; r < rows; r++) {
                    expected += d[r * 300 + j];
                }
                assertEquals((float) expected, sums.getFlat(j), rows + " rows, column " + j + ": the bits of one row at a time");
            }
        }
    }

    @Test
    void negativeAxesCountFromTheEndAndAxisOrderDoesNotMatter() {
        Tensor t = random(new Rng(4), DType.FLOAT64, 3, 4, 5);
        assertTrue(t.sum(false, -1).contentEquals(t.sum(false, 2)));
        assertTrue(t.sum(true, -3, -1).contentEquals(t.sum(true, 0, 2)));
        assertTrue(t.sum(false, 2, 0).contentEquals(t.sum(false, 0, 2)));
    }

    @Test
    void sumWithNoAxesReducesEverythingAndKeepDimsGivesAllOnes() {
        Tensor t = random(new Rng(5), DType.FLOAT64, 2, 3, 4);
        Tensor kept = t.sum(true);
        assertArrayEquals(new int[] {1, 1, 1}, kept.dims());
        assertEquals(t.sum().item(), kept.item());
        assertEquals(0, t.sum(false).rank());
    }

    @Test
    void aRepeatedOrOutOfRangeAxisIsRejected() {
        Tensor t = Tensor.zeros(3, 4, 5);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> t.sum(false, 1, 1));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.sum(true, 2, -1)); // -1 is axis 2
        assertThrows(IllegalArgumentException.class, () -> t.mean(false, 0, -3));

        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> t.sum(false, 3));
        assertTrue(range.getMessage().contains("sum") && range.getMessage().contains("[3, 4, 5]"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.sum(false, -4));
        assertThrows(IllegalArgumentException.class, () -> t.max(3, false));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void meanDividesTheSumByTheNumberOfReducedElements(DType dtype) {
        int[] dims = {3, 4, 5};
        Tensor t = random(new Rng(6), dtype, dims);
        double total = naiveSumKeepDims(t, new int[] {0, 1, 2})[0];
        assertEquals(total / 60, t.mean().item(), tolerance(dtype));
        assertEquals(total / 60, t.mean(false).item(), tolerance(dtype));

        int[] axes = {0, 2};
        double[] sums = naiveSumKeepDims(t, axes);
        double[] expected = Arrays.stream(sums).map(s -> s / 15).toArray();
        Tensor m = t.mean(true, axes);
        assertArrayEquals(new int[] {1, 4, 1}, m.dims());
        assertClose(expected, m, tolerance(dtype), "mean over 0 and 2");
        assertClose(expected, t.mean(false, -1, 0), tolerance(dtype), "mean over -1 and 0");
    }

    @Test
    void floatSumOfTenMillionSmallValuesIsAccurateBecauseItAccumulatesInDouble() {
        // A float32 accumulator would reach ~5000, where one float step is ~5e-4, about the size of each
        // addend: the total would be off by far more than 1e-6.
        int n = 10_000_000;
        Tensor t = new Rng(7).uniform(0f, 1e-3f, n);
        float[] d = t.floatData();
        double expected = 0;
        for (float v : d) {
            expected += v;
        }
        double relativeError = Math.abs(t.sum().item() - expected) / expected;
        assertTrue(relativeError < 1e-6, "relative error " + relativeError);

        double axisRelativeError = Math.abs(t.reshape(n, 1).sum(false, 0).item() - expected) / expected;
        assertTrue(axisRelativeError < 1e-6, "relative error along an axis " + axisRelativeError);
    }

    // ---- max and argmax -------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(DType.class)
    void maxAndArgmaxAlongEachAxisMatchANaiveLoop(DType dtype) {
        int[] dims = {3, 4, 5};
        Tensor t = random(new Rng(8), dtype, dims);
        for (int axis = 0; axis < 3; axis++) {
            int[] outDims = keptDims(dims, new int[] {axis});
            double[] max = new double[Shape.of(outDims).size()];
            double[] argmax = new double[max.length];
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int flat = 0; flat < t.size(); flat++) {
                int[] index = unflatten(flat, dims);
                double v = t.get(index);
                int position = index[axis];
                index[axis] = 0;
                int o = flatten(index, outDims);
                if (v > max[o]) {
                    max[o] = v;
                    argmax[o] = position;
                }
            }
            Tensor m = t.max(axis, true);
            assertArrayEquals(outDims, m.dims());
            assertArrayEquals(max, m.toDoubleArray(), "max axis " + axis);
            Tensor am = t.argmax(axis, false);
            assertArrayEquals(droppedDims(dims, new int[] {axis}), am.dims());
            assertEquals(dtype, am.dtype());
            assertArrayEquals(argmax, am.toDoubleArray(), "argmax axis " + axis);
            assertArrayEquals(argmax, t.argmax(axis - 3, true).toDoubleArray(), "argmax negative axis " + axis);
        }
    }

    @Test
    void argmaxReturnsTheFirstIndexOnTies() {
        Tensor t = Tensor.of(new float[][] {{1, 3, 3}, {2, 2, 1}});
        assertArrayEquals(new float[] {1, 0}, t.argmax(1, false).toFloatArray());
        assertArrayEquals(new float[] {1, 0, 0}, t.argmax(0, false).toFloatArray());
        assertArrayEquals(new float[] {0}, Tensor.full(-5f, 1, 4).argmax(-1, false).toFloatArray());
        float ninf = Float.NEGATIVE_INFINITY;
        assertArrayEquals(new float[] {0}, Tensor.of(new float[] {ninf, ninf}, 1, 2).argmax(1, false).toFloatArray());
        assertArrayEquals(new float[] {ninf}, Tensor.of(new float[] {ninf, ninf}, 1, 2).max(1, false).toFloatArray());
    }

    @Test
    void nanPropagatesThroughMaxAndArgmaxPointsAtTheFirstNanAsInNumPy() {
        float nan = Float.NaN;
        // np.max([1, nan, 3]) is nan and np.argmax([1, nan, 3]) is 1; likewise for a leading NaN.
        Tensor t = Tensor.of(new float[][] {{1, nan, 3}, {nan, 5, nan}, {4, 2, 0}});
        assertArrayEquals(new float[] {nan, nan, 4}, t.max(1, false).toFloatArray());
        assertArrayEquals(new float[] {1, 0, 0}, t.argmax(1, false).toFloatArray());
        assertArrayEquals(new float[] {nan, nan, nan}, t.max(0, false).toFloatArray());
        assertArrayEquals(new float[] {1, 0, 1}, t.argmax(0, false).toFloatArray());
    }

    @Test
    void maxOverAnEmptyAxisIsRejected() {
        Tensor t = Tensor.zeros(2, 0);
        assertThrows(IllegalArgumentException.class, () -> t.max(1, false));
        assertThrows(IllegalArgumentException.class, () -> t.argmax(1, false));
        assertArrayEquals(new int[] {0}, t.max(0, false).dims()); // reducing the non-empty axis is fine
    }

    // ---- sumTo ----------------------------------------------------------------------------------------------

    private static final int[][][] SUM_TO_CASES = {
        {{2, 3}, {3}},
        {{2, 3}, {1, 3}},
        {{2, 3}, {2, 1}},
        {{2, 3, 4}, {3, 1}},
        {{2, 3, 4}, {2, 1, 4}},
        {{2, 3, 4}, {4}},
        {{2, 3}, {}},
        {{4, 1, 3}, {1, 1}},
    };

    @Test
    void sumToAddsUpEveryElementThatBroadcastingCopiedFromOneTargetElement() {
        Rng rng = new Rng(9);
        for (int[][] c : SUM_TO_CASES) {
            int[] big = c[0];
            int[] small = c[1];
            Tensor y = random(rng, DType.FLOAT64, big);
            double[] expected = new double[Shape.of(small).size()];
            int lead = big.length - small.length;
            for (int flat = 0; flat < y.size(); flat++) {
                int[] index = unflatten(flat, big);
                int[] target = new int[small.length];
                for (int i = 0; i < small.length; i++) {
                    target[i] = small[i] == 1 ? 0 : index[lead + i];
                }
                expected[flatten(target, small)] += y.getFlat(flat);
            }
            Tensor s = y.sumTo(Shape.of(small));
            String what = Arrays.toString(big) + " to " + Arrays.toString(small);
            assertArrayEquals(small, s.dims(), what);
            assertClose(expected, s, 1e-13, what);
        }
    }

    @Test
    void sumToIsTheAdjointOfBroadcasting() {
        // <broadcast(x), y> = <x, sumTo(y)> for every x and y: what makes it the gradient of broadcasting.
        Rng rng = new Rng(10);
        for (int[][] c : SUM_TO_CASES) {
            Tensor x = random(rng, DType.FLOAT64, c[1]);
            Tensor y = random(rng, DType.FLOAT64, c[0]);
            Tensor broadcastX = Tensor.zeros(DType.FLOAT64, c[0]).add(x);
            double left = broadcastX.mul(y).sum().item();
            double right = x.mul(y.sumTo(x.shape())).sum().item();
            assertEquals(left, right, 1e-12, Arrays.toString(c[0]) + " to " + Arrays.toString(c[1]));
        }
    }

    @Test
    void sumToTheSameShapeReturnsTheTensorAndBadTargetsAreRejected() {
        Tensor t = Tensor.ones(2, 3);
        assertSame(t, t.sumTo(Shape.of(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> t.sumTo(Shape.of(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> t.sumTo(Shape.of(2)));
        assertThrows(IllegalArgumentException.class, () -> t.sumTo(Shape.of(4, 3)));
    }
}
