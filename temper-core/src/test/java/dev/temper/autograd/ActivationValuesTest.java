package dev.temper.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.ActivationKernels;
import dev.temper.tensor.DType;
import dev.temper.tensor.Erf;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward values and derivatives of every activation op against the independent Python reference
 * ({@code activations.py}), including inputs of +-100; float32 against float64; views against contiguous copies.
 */
class ActivationValuesTest {
    /**
     * Relative tolerance against the fixture. The largest expected difference is GELU's tail: erfc(y) amplifies a
     * 1-ulp difference in y = -x / sqrt 2 by 2 y^2 (its log-derivative times y), about 1e-13 at x = -20.
     */
    private static final double RELATIVE = 1e-12;
    /** Float32 results are double results rounded once (or, for leaky ReLU, float arithmetic): within one ulp. */
    private static final double FLOAT32_RELATIVE = 0x1.0p-23;

    static Stream<String> functions() {
        return ActivationTable.ops().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void valuesAndDerivativesMatchThePythonReference(String name) {
        UnaryOperator<Variable> op = ActivationTable.ops().get(name);
        List<ActivationFixture> rows = new ArrayList<>();
        for (ActivationFixture row : ActivationFixture.load()) {
            if (row.function().equals(name)) {
                rows.add(row);
            }
        }
        assertTrue(rows.size() > 50, name + ": fixture rows found: " + rows.size());
        double[] xs = new double[rows.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = rows.get(i).x();
        }
        Variable x = new Variable(Tensor.of(xs, xs.length), true);
        Variable y = op.apply(x);
        y.backward(Tensor.ones(DType.FLOAT64, xs.length)); // upstream 1: the gradient is f'(x)
        for (int i = 0; i < xs.length; i++) {
            ActivationFixture row = rows.get(i);
            assertClose(row.value(), y.value().getFlat(i), RELATIVE, name + " value at x = " + row.x());
            assertClose(row.derivative(), x.grad().getFlat(i), RELATIVE, name + " derivative at x = " + row.x());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void float32AgreesWithFloat64WithinOneUlpOnALargeTensor(String name) {
        UnaryOperator<Variable> op = ActivationTable.ops().get(name);
        // 100,003 elements: several parallel chunks and a ragged last one; spread wide, plus extremes.
        Tensor x32 = new Rng(41).normal(0f, 8f, 100_003);
        float[] extremes = {-100f, 100f, -1e30f, 1e30f, 0f, -0f, 20.5f, 19.5f, 10.25f, -30f};
        for (int i = 0; i < extremes.length; i++) {
            x32.setFlat(i * 9_999, extremes[i]);
        }
        Tensor x64 = x32.to(DType.FLOAT64); // the same (float-representable) inputs
        Tensor g32 = new Rng(42).normal(0f, 1f, 100_003);
        Variable v32 = new Variable(x32, true);
        Variable v64 = new Variable(x64, true);
        Variable y32 = op.apply(v32);
        Variable y64 = op.apply(v64);
        assertEquals(DType.FLOAT32, y32.value().dtype(), name + ": float32 in, float32 out");
        y32.backward(g32);
        y64.backward(g32.to(DType.FLOAT64));
        for (int i = 0; i < x32.size(); i++) {
            String where = name + " at x = " + x32.getFlat(i);
            assertClose(y64.value().getFlat(i), y32.value().getFlat(i), FLOAT32_RELATIVE, where);
            assertClose(v64.grad().getFlat(i), v32.grad().getFlat(i), FLOAT32_RELATIVE, where + " (gradient)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void extremeInputsGiveFiniteValuesAndGradients(String name) {
        UnaryOperator<Variable> op = ActivationTable.ops().get(name);
        for (DType dtype : DType.values()) {
            Tensor x = Tensor.of(new double[] {-1e30, -1e4, -100, -50, 50, 100, 1e4}, 7).to(dtype);
            Variable v = new Variable(x, true);
            Variable y = op.apply(v);
            y.backward(Tensor.ones(dtype, 7));
            for (int i = 0; i < 7; i++) {
                double value = y.value().getFlat(i);
                double grad = v.grad().getFlat(i);
                assertTrue(Double.isFinite(value), name + " " + dtype + " value at " + x.getFlat(i) + " is " + value);
                assertTrue(Double.isFinite(grad), name + " " + dtype + " gradient at " + x.getFlat(i) + " is " + grad);
            }
        }
    }

    @Test
    void softplusAtPlusMinusOneHundredIsExactAndNotZeroOrInfinite() {
        for (DType dtype : DType.values()) {
            Tensor y = Softplus.apply(Variable.constant(Tensor.of(new double[] {-100, 100}, 2).to(dtype)), 1, 20).value();
            // log(1 + e^-100) = e^-100 (1 - e^-100 / 2 + ...): a naive log(1 + e^x) would round it to 0.
            // In float32 it is a subnormal: the double value rounded once to float.
            double expected = dtype == DType.FLOAT32 ? (float) Math.exp(-100) : Math.exp(-100);
            assertClose(expected, y.getFlat(0), 1e-15, dtype + " softplus(-100)");
            assertTrue(y.getFlat(0) > 0, dtype + ": softplus(-100) must stay positive, got " + y.getFlat(0));
            assertEquals(100.0, y.getFlat(1), 0.0, dtype + " softplus(100)");
        }
    }

    @Test
    void transposedViewsGiveTheSameResultsAsContiguousCopies() {
        Tensor base = new Rng(7).normal(0f, 3f, 6, 5);
        Tensor view = base.transpose(); // non-contiguous
        Tensor rows = base.rows(2, 5); // contiguous with a non-zero offset
        Tensor g = new Rng(8).normal(0f, 1f, 5, 6);
        for (Map.Entry<String, UnaryOperator<Variable>> e : ActivationTable.ops().entrySet()) {
            for (Tensor input : List.of(view, rows)) {
                Tensor upstream = g.shape().equals(input.shape()) ? g : Tensor.ones(input.dims());
                Variable onView = new Variable(input, true);
                Variable onCopy = new Variable(input.copy(), true);
                Variable a = e.getValue().apply(onView);
                Variable b = e.getValue().apply(onCopy);
                a.backward(upstream);
                b.backward(upstream);
                assertTrue(a.value().contentEquals(b.value()), e.getKey() + ": value on a view of " + input.shape());
                assertTrue(onView.grad().contentEquals(onCopy.grad()), e.getKey() + ": gradient on a view of " + input.shape());
            }
        }
    }

    @Test
    void seluConstantsSolveThePapersFixedPointEquations() {
        // Klambauer et al. 2017, eq. 14 (alpha_01, lambda_01), evaluated with our erfc: an independent derivation
        // of the constants hard-coded in the kernels.
        double c = Erf.erfc(1 / Math.sqrt(2));
        double alpha = -Math.sqrt(2 / Math.PI) / (c * Math.exp(0.5) - 1);
        double lambda = (1 - c * Math.sqrt(Math.E)) * Math.sqrt(2 * Math.PI)
                / Math.sqrt(2 * Erf.erfc(Math.sqrt(2)) * Math.E * Math.E + Math.PI * c * c * Math.E
                        - 2 * (2 + Math.PI) * c * Math.sqrt(Math.E) + Math.PI + 2);
        assertEquals(alpha, ActivationKernels.SELU_ALPHA, 1e-14);
        assertEquals(lambda, ActivationKernels.SELU_SCALE, 1e-14);
    }

    @Test
    void nanPropagatesThroughEveryActivation() {
        for (Map.Entry<String, UnaryOperator<Variable>> e : ActivationTable.ops().entrySet()) {
            double y = e.getValue().apply(Variable.constant(Tensor.of(new double[] {Double.NaN}, 1))).value().getFlat(0);
            assertTrue(Double.isNaN(y), e.getKey() + "(NaN) = " + y);
        }
    }

    @Test
    void leakyReluSlopeMustBeFinite() {
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LeakyRelu.apply(Variable.constant(Tensor.ones(2)), Double.NaN));
        assertTrue(error.getMessage().contains("LeakyRelu") && error.getMessage().contains("NaN"), error.getMessage());
        assertFalse(error.getMessage().isBlank());
    }

    private static void assertClose(double expected, double actual, double relative, String message) {
        if (expected == actual) {
            return; // also covers infinities and exact zeros
        }
        double tolerance = relative * Math.abs(expected) + Double.MIN_NORMAL;
        double floatTolerance = relative == FLOAT32_RELATIVE ? Float.MIN_VALUE : 0; // float subnormals near 1e-44
        assertTrue(Math.abs(actual - expected) <= tolerance + floatTolerance,
                message + ": expected " + expected + ", got " + actual + " (difference " + (actual - expected) + ")");
    }
}
