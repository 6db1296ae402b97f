package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The blocked, threaded GEMM against a naive triple loop in double that lives only here. */
class JavaBlasTest {

    /**
     * Allowed error, relative to the sum of the magnitudes of the terms of each element (the scale of the
     * rounding error of any summation order): k roundings of 6e-8 (float) or 1.1e-16 (double), k up to 130.
     */
    private static final double FLOAT_TOLERANCE = 1e-5;
    private static final double DOUBLE_TOLERANCE = 1e-12;
    /** Written around C; must survive every call, since GEMM owns only the m x n elements. */
    private static final double SENTINEL = -7.25;

    /** Where a matrix lives in its array: an offset, a leading dimension wider than the row, padding after. */
    private record Storage(int rows, int columns, int offset, int ld) {
        int length() {
            return offset + rows * ld + 5;
        }

        int at(int row, int column) {
            return offset + row * ld + column;
        }

        boolean holds(int index) {
            int relative = index - offset;
            return relative >= 0 && relative / ld < rows && relative % ld < columns;
        }
    }

    /** One call: {@code C = alpha * op(A) * op(B) + beta * C} with op(A) m x k and op(B) k x n. */
    private record Problem(boolean transA, boolean transB, int m, int n, int k, double alpha, double beta) {
        Storage a() {
            return transA ? new Storage(k, m, 7, m + 3) : new Storage(m, k, 7, k + 3);
        }

        Storage b() {
            return transB ? new Storage(n, k, 5, k + 2) : new Storage(k, n, 5, n + 2);
        }

        Storage c() {
            return new Storage(m, n, 3, n + 4);
        }

        /** A seed of its own per problem, spelled out so that it cannot change with the JDK. */
        long seed() {
            return ((((transA ? 2L : 0L) + (transB ? 1L : 0L)) * 1_000 + m) * 1_000 + n) * 1_000 + k
                    + Double.doubleToLongBits(beta);
        }

        double opA(double[] a, int row, int p) {
            return transA ? a[a().at(p, row)] : a[a().at(row, p)];
        }

        double opB(double[] b, int p, int column) {
            return transB ? b[b().at(column, p)] : b[b().at(p, column)];
        }
    }

    /** Random values (rounded to float where the call is in float) inside the matrix, NaN in the padding. */
    private static double[] operand(Storage storage, SplittableRandom random, boolean asFloat) {
        double[] values = new double[storage.length()];
        Arrays.fill(values, Double.NaN);
        for (int row = 0; row < storage.rows(); row++) {
            for (int column = 0; column < storage.columns(); column++) {
                double value = random.nextDouble(-1, 1);
                values[storage.at(row, column)] = asFloat ? (float) value : value;
            }
        }
        return values;
    }

    /** Old C: random, or NaN when beta is 0 (it must be ignored); the sentinel around it. */
    private static double[] oldC(Problem problem, SplittableRandom random, boolean asFloat) {
        Storage storage = problem.c();
        double[] values = new double[storage.length()];
        Arrays.fill(values, SENTINEL);
        for (int row = 0; row < problem.m(); row++) {
            for (int column = 0; column < problem.n(); column++) {
                double value = problem.beta() == 0 ? Double.NaN : random.nextDouble(-1, 1);
                values[storage.at(row, column)] = asFloat ? (float) value : value;
            }
        }
        return values;
    }

    private static void assertMatchesNaive(Problem problem, double[] a, double[] b, double[] oldC, double[] got,
                                           double tolerance) {
        Storage c = problem.c();
        for (int index = 0; index < got.length; index++) {
            if (!c.holds(index) && Double.doubleToLongBits(got[index]) != Double.doubleToLongBits(SENTINEL)) {
                fail(problem + ": element " + index + " outside C was overwritten with " + got[index]);
            }
        }
        for (int row = 0; row < problem.m(); row++) {
            for (int column = 0; column < problem.n(); column++) {
                double old = problem.beta() == 0 ? 0 : problem.beta() * oldC[c.at(row, column)];
                double expected = old;
                double magnitude = Math.abs(old);
                for (int p = 0; p < problem.k(); p++) {
                    double term = problem.alpha() * problem.opA(a, row, p) * problem.opB(b, p, column);
                    expected += term;
                    magnitude += Math.abs(term);
                }
                double actual = got[c.at(row, column)];
                if (!(Math.abs(actual - expected) <= tolerance * magnitude)) {
                    fail(problem + ": C[" + row + "][" + column + "] = " + actual + ", naive loop gives " + expected);
                }
            }
        }
    }

    private static double[] runFloat(Problem problem, double[] a, double[] b, double[] oldC, int threads) {
        float[] c = toFloat(oldC);
        new JavaBlas(threads).sgemm(problem.transA(), problem.transB(), problem.m(), problem.n(), problem.k(),
                (float) problem.alpha(), toFloat(a), problem.a().offset(), problem.a().ld(),
                toFloat(b), problem.b().offset(), problem.b().ld(),
                (float) problem.beta(), c, problem.c().offset(), problem.c().ld());
        double[] result = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            result[i] = c[i];
        }
        return result;
    }

    private static double[] runDouble(Problem problem, double[] a, double[] b, double[] oldC, int threads) {
        double[] c = oldC.clone();
        new JavaBlas(threads).dgemm(problem.transA(), problem.transB(), problem.m(), problem.n(), problem.k(),
                problem.alpha(), a, problem.a().offset(), problem.a().ld(),
                b, problem.b().offset(), problem.b().ld(),
                problem.beta(), c, problem.c().offset(), problem.c().ld());
        return c;
    }

    private static float[] toFloat(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }

    /** Every transpose combination, odd sizes from 1 to 130, beta 0 (over NaN), 1 and 0.5. */
    static Stream<Problem> smallProblems() {
        int[][] sizes = {{1, 1, 1}, {3, 17, 65}, {65, 3, 17}, {17, 130, 3}, {130, 65, 1}, {1, 130, 65},
                {130, 1, 17}, {65, 65, 130}, {130, 130, 130}};
        List<Problem> problems = new ArrayList<>();
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                for (int[] size : sizes) {
                    for (double beta : new double[] {0, 1, 0.5}) {
                        problems.add(new Problem(transA, transB, size[0], size[1], size[2], -1.5, beta));
                    }
                }
            }
        }
        return problems.stream();
    }

    /** Big enough to be split over three threads: by rows, and (too few rows) by columns. */
    static Stream<Problem> splitProblems() {
        List<Problem> problems = new ArrayList<>();
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                problems.add(new Problem(transA, transB, 301, 203, 111, 0.75, 0.5));
                problems.add(new Problem(transA, transB, 5, 2003, 701, 0.75, 0));
            }
        }
        return problems.stream();
    }

    @ParameterizedTest
    @MethodSource("smallProblems")
    void sgemmMatchesNaiveProductForEveryTransposeCombination(Problem problem) {
        SplittableRandom random = new SplittableRandom(problem.seed());
        double[] a = operand(problem.a(), random, true);
        double[] b = operand(problem.b(), random, true);
        double[] oldC = oldC(problem, random, true);
        for (int threads : new int[] {1, 3}) {
            assertMatchesNaive(problem, a, b, oldC, runFloat(problem, a, b, oldC, threads), FLOAT_TOLERANCE);
        }
    }

    @ParameterizedTest
    @MethodSource("smallProblems")
    void dgemmMatchesNaiveProductForEveryTransposeCombination(Problem problem) {
        SplittableRandom random = new SplittableRandom(problem.seed());
        double[] a = operand(problem.a(), random, false);
        double[] b = operand(problem.b(), random, false);
        double[] oldC = oldC(problem, random, false);
        for (int threads : new int[] {1, 3}) {
            assertMatchesNaive(problem, a, b, oldC, runDouble(problem, a, b, oldC, threads), DOUBLE_TOLERANCE);
        }
    }

    @ParameterizedTest
    @MethodSource("splitProblems")
    void threadCountChangesNoBitOfTheResult(Problem problem) {
        SplittableRandom random = new SplittableRandom(42);
        double[] a = operand(problem.a(), random, true);
        double[] b = operand(problem.b(), random, true);
        double[] oldC = oldC(problem, random, true);
        double[] floatOnOne = runFloat(problem, a, b, oldC, 1);
        assertMatchesNaive(problem, a, b, oldC, floatOnOne, FLOAT_TOLERANCE);
        assertArrayEquals(floatOnOne, runFloat(problem, a, b, oldC, 3));
        assertArrayEquals(floatOnOne, runFloat(problem, a, b, oldC, 2));
        double[] doubleOnOne = runDouble(problem, a, b, oldC, 1);
        assertMatchesNaive(problem, a, b, oldC, doubleOnOne, DOUBLE_TOLERANCE);
        assertArrayEquals(doubleOnOne, runDouble(problem, a, b, oldC, 3));
    }

    /** Row by row takes other kernels and blocks than the whole product; the bits must not notice. */
    @ParameterizedTest
    @MethodSource("smallProblems")
    void eachRowComputedAloneGivesTheSameBits(Problem problem) {
        SplittableRandom random = new SplittableRandom(problem.seed());
        float[] a = toFloat(operand(problem.a(), random, true));
        float[] b = toFloat(operand(problem.b(), random, true));
        float[] whole = toFloat(oldC(problem, random, true));
        float[] byRows = whole.clone();
        Storage sa = problem.a();
        Storage sc = problem.c();
        JavaBlas blas = new JavaBlas(1);
        blas.sgemm(problem.transA(), problem.transB(), problem.m(), problem.n(), problem.k(),
                (float) problem.alpha(), a, sa.offset(), sa.ld(), b, problem.b().offset(), problem.b().ld(),
                (float) problem.beta(), whole, sc.offset(), sc.ld());
        for (int row = 0; row < problem.m(); row++) {
            int aRow = problem.transA() ? sa.at(0, row) : sa.at(row, 0);
            blas.sgemm(problem.transA(), problem.transB(), 1, problem.n(), problem.k(),
                    (float) problem.alpha(), a, aRow, sa.ld(), b, problem.b().offset(), problem.b().ld(),
                    (float) problem.beta(), byRows, sc.at(row, 0), sc.ld());
        }
        assertArrayEquals(whole, byRows);
    }

    @Test
    void zeroDepthOnlyScalesCAndReadsNeitherAOrB() {
        float[] c = {1, 2, Float.NaN, 4};
        new JavaBlas(1).sgemm(false, false, 2, 2, 0, 2f, new float[0], 0, 1, new float[0], 0, 2, 0.5f, c, 0, 2);
        assertArrayEquals(new float[] {0.5f, 1, Float.NaN, 2}, c);
        double[] d = {Double.NaN, 2, 3, Double.POSITIVE_INFINITY};
        new JavaBlas(3).dgemm(true, true, 2, 2, 0, 2, new double[0], 0, 2, new double[0], 0, 1, 0, d, 0, 2);
        assertArrayEquals(new double[] {0, 0, 0, 0}, d);
    }

    @Test
    void zeroAlphaIgnoresNanInAAndB() {
        float[] nan = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        float[] c = {1, 2, 3, 4};
        new JavaBlas(1).sgemm(false, true, 2, 2, 2, 0f, nan, 0, 2, nan, 0, 2, 2f, c, 0, 2);
        assertArrayEquals(new float[] {2, 4, 6, 8}, c);
    }

    @Test
    void emptyOutputWritesNothing() {
        float[] c = {9, 9};
        new JavaBlas(2).sgemm(false, false, 0, 2, 3, 1f, new float[0], 0, 3, new float[6], 0, 2, 0f, c, 0, 2);
        new JavaBlas(2).sgemm(false, false, 2, 0, 3, 1f, new float[6], 0, 3, new float[0], 0, 1, 0f, c, 0, 1);
        assertArrayEquals(new float[] {9, 9}, c);
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        JavaBlas blas = new JavaBlas(1);
        float[] four = new float[4];
        assertMessageNames("threads", () -> new JavaBlas(0));
        assertMessageNames("m", () -> blas.sgemm(false, false, -1, 2, 2, 1f, four, 0, 2, four, 0, 2, 0f, four, 0, 2));
        assertMessageNames("lda", () -> blas.sgemm(false, false, 2, 2, 2, 1f, four, 0, 1, four, 0, 2, 0f, four, 0, 2));
        assertMessageNames("ldb", () -> blas.sgemm(false, true, 2, 1, 2, 1f, four, 0, 2, four, 0, 1, 0f, four, 0, 1));
        assertMessageNames("a has", () -> blas.sgemm(false, false, 2, 2, 2, 1f, four, 1, 2, four, 0, 2, 0f, four, 0, 2));
        assertMessageNames("cOffset", () -> blas.dgemm(false, false, 1, 1, 1, 1, new double[1], 0, 1,
                new double[1], 0, 1, 0, new double[1], -1, 1));
    }

    private static void assertMessageNames(String name, Runnable call) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(error.getMessage().startsWith(name), () -> "message should name " + name + ": " + error.getMessage());
    }

    @Test
    void nameSaysItIsTheFallback() {
        assertEquals("pure Java (fallback)", new JavaBlas(1).name());
    }
}
