package dev.temper.autograd;

import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks an op's backward pass against central finite differences, for any user-written computation too.
 *
 * <p>Method: with a random upstream gradient {@code R} (normal, seeded), the scalar {@code L = sum(f(x) * R)} is
 * differentiated by autograd and numerically, {@code (L(x + eps e_i) - L(x - eps e_i)) / 2 eps}, for every element
 * of every input. A random {@code R} rather than a plain sum catches a backward that ignores or mis-routes its
 * upstream gradient. An element passes when {@code |analytic - numeric| <= absTolerance + relTolerance * |numeric|}.
 *
 * <p>Inputs must be float64: float32 differences are dominated by rounding (PyTorch and DL4J also refuse). The
 * function must be deterministic (fix dropout masks) and should be evaluated away from kinks such as ReLU at 0.
 */
public final class GradCheck {
    /** Defaults: step 1e-6, tolerances 1e-7 absolute plus 1e-5 relative (PyTorch's gradcheck uses 1e-6/1e-5/1e-3). */
    public static final GradCheck DEFAULT = new GradCheck(1e-6, 1e-7, 1e-5, 1234);

    private final double epsilon;
    private final double absTolerance;
    private final double relTolerance;
    private final long seed;

    public GradCheck(double epsilon, double absTolerance, double relTolerance, long seed) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        if (!(absTolerance >= 0) || !(relTolerance >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got " + absTolerance + " and " + relTolerance);
        }
        this.epsilon = epsilon;
        this.absTolerance = absTolerance;
        this.relTolerance = relTolerance;
        this.seed = seed;
    }

    public GradCheck withTolerances(double absolute, double relative) {
        return new GradCheck(epsilon, absolute, relative, seed);
    }

    /** The outcome: whether every element passed, and the worst one. */
    public record Result(boolean passed, double maxAbsoluteError, int worstInput, int worstElement,
                         double analytic, double numeric, int checkedElements) {
        @Override
        public String toString() {
            return (passed ? "passed" : "FAILED") + ": " + checkedElements + " elements, worst |analytic - numeric| = "
                    + maxAbsoluteError + " at input " + worstInput + " element " + worstElement
                    + " (analytic " + analytic + ", numeric " + numeric + ")";
        }
    }

    /** Checks the gradient of {@code f} with respect to every input. */
    public Result check(Function<List<Variable>, Variable> f, Tensor... inputs) {
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("GradCheck needs float64 inputs (float32 finite differences are too noisy); input " + i + " is " + inputs[i].dtype() + ": use tensor.to(DType.FLOAT64)");
            }
        }
        List<Tensor> x = new ArrayList<>();
        for (Tensor t : inputs) {
            x.add(t.copy());
        }
        List<Variable> leaves = new ArrayList<>();
        for (Tensor t : x) {
            leaves.add(new Variable(t, true));
        }
        Variable out = f.apply(leaves);
        if (out.value().dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("GradCheck: the function returned " + out.value().dtype() + "; it must compute in float64");
        }
        Rng rng = new Rng(seed);
        Tensor upstream = rng.normal(0f, 1f, out.value().dims()).to(DType.FLOAT64);
        out.backward(upstream);

        Result worst = new Result(true, 0, -1, -1, 0, 0, 0);
        int checked = 0;
        boolean passed = true;
        for (int i = 0; i < x.size(); i++) {
            Tensor value = x.get(i);
            Tensor analytic = leaves.get(i).grad();
            for (int e = 0; e < value.size(); e++) {
                double original = value.getFlat(e);
                value.setFlat(e, original + epsilon);
                double plus = objective(f, x, upstream);
                value.setFlat(e, original - epsilon);
                double minus = objective(f, x, upstream);
                value.setFlat(e, original);
                double numeric = (plus - minus) / (2 * epsilon);
                double a = analytic == null ? 0.0 : analytic.getFlat(e);
                double error = Math.abs(a - numeric);
                boolean ok = error <= absTolerance + relTolerance * Math.abs(numeric) && Double.isFinite(a);
                passed &= ok;
                checked++;
                if (error > worst.maxAbsoluteError() || (!ok && worst.passed()) || Double.isNaN(error)) {
                    worst = new Result(ok, error, i, e, a, numeric, 0);
                }
            }
        }
        return new Result(passed, worst.maxAbsoluteError(), worst.worstInput(), worst.worstElement(),
                worst.analytic(), worst.numeric(), checked);
    }

    private static double objective(Function<List<Variable>, Variable> f, List<Tensor> x, Tensor upstream) {
        try (NoGrad scope = NoGrad.enter()) {
            List<Variable> constants = new ArrayList<>();
            for (Tensor t : x) {
                constants.add(Variable.constant(t));
            }
            return f.apply(constants).value().mul(upstream).sum().item();
        }
    }
}
