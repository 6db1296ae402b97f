package dev.temper.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The checker itself: it passes a correct backward and catches wrong ones (planted errors), including the kind
 * that a plain-sum objective would hide. Each planted op is the cube {@code x^3} (derivative {@code 3 x^2}) or the
 * product {@code a * b}, with one thing in its backward broken.
 */
class GradCheckTest {

    private static Tensor input(long seed, int... shape) {
        return new Rng(seed).normal(0f, 1f, shape).to(DType.FLOAT64);
    }

    /** x^3 with its true derivative times {@code factor} (1 is correct). */
    private static Variable cube(Variable x, double factor) {
        Tensor v = x.value();
        return Variable.fromOp(v.mul(v).mul(v), g -> x.accumulateGrad(g.mul(v.square().mul(3.0)).mul(factor)), x);
    }

    /** x^3 whose backward uses a gradient of ones in place of the upstream gradient g. */
    private static Variable cubeIgnoringUpstream(Variable x) {
        Tensor v = x.value();
        return Variable.fromOp(v.mul(v).mul(v),
                g -> x.accumulateGrad(Tensor.ones(DType.FLOAT64, g.dims()).mul(v.square().mul(3.0))), x);
    }

    @Test
    void correctCustomOpPasses() {
        Tensor x = input(1, 3, 4);
        GradCheck.Result result = GradCheck.DEFAULT.check(v -> cube(v.get(0), 1.0), x);
        assertTrue(result.passed(), result.toString());
        assertEquals(12, result.checkedElements());
        assertTrue(result.maxAbsoluteError() < 1e-6, result.toString());
    }

    @Test
    void correctBuiltInOpsPass() {
        GradCheck.Result result = GradCheck.DEFAULT.check(v -> v.get(0).matmul(v.get(1)).tanh(), input(2, 3, 4), input(3, 4, 2));
        assertTrue(result.passed(), result.toString());
        assertEquals(12 + 8, result.checkedElements());
    }

    @Test
    void plantedOnePercentErrorIsCaught() {
        Tensor x = input(1, 3, 4);
        GradCheck.Result result = GradCheck.DEFAULT.check(v -> cube(v.get(0), 1.01), x);
        assertFalse(result.passed(), "a backward 1% off must fail: " + result);
        assertTrue(result.toString().startsWith("FAILED"), result.toString());
        assertEquals(0, result.worstInput());
        // The worst element's analytic value is 1.01 times the numeric one.
        assertEquals(1.01, result.analytic() / result.numeric(), 1e-4, result.toString());
    }

    @Test
    void backwardIgnoringItsUpstreamGradientIsCaught() {
        Tensor x = input(4, 3, 4);
        GradCheck.Result result = GradCheck.DEFAULT.check(v -> cubeIgnoringUpstream(v.get(0)), x);
        assertFalse(result.passed(), "a backward that ignores g must fail: " + result);
    }

    @Test
    void backwardIgnoringItsUpstreamGradientLooksRightUnderAPlainSum() {
        // Why the checker draws a random upstream: reduced with sum(), g is all ones and this wrong backward
        // gives exactly the right gradient, so a sum-based check could not tell.
        Tensor x = input(4, 3, 4);
        Variable leaf = new Variable(x, true);
        cubeIgnoringUpstream(leaf).sum().backward();
        Tensor expected = x.square().mul(3.0);
        for (int i = 0; i < x.size(); i++) {
            assertEquals(expected.getFlat(i), leaf.grad().getFlat(i), 1e-12, "element " + i);
        }
    }

    @Test
    void backwardRoutingGradientsToTheWrongInputIsCaught() {
        // a * b with the two gradients swapped: a receives g * a (should be g * b), b receives g * b.
        Tensor a = input(5, 3, 4);
        Tensor b = input(6, 3, 4);
        GradCheck.Result result = GradCheck.DEFAULT.check(v -> {
            Variable va = v.get(0);
            Variable vb = v.get(1);
            return Variable.fromOp(va.value().mul(vb.value()), g -> {
                va.accumulateGrad(g.mul(va.value()));
                vb.accumulateGrad(g.mul(vb.value()));
            }, va, vb);
        }, a, b);
        assertFalse(result.passed(), "swapped gradients must fail: " + result);
    }

    @Test
    void gradientSentOnlyToTheFirstInputIsCaughtAndBlamesTheSecond() {
        // a + 2b whose backward forgets b: b's gradient stays null, read as zero, while the numeric one is 2 g.
        Tensor a = input(7, 2, 3);
        Tensor b = input(8, 2, 3);
        GradCheck.Result result = GradCheck.DEFAULT.check(v -> {
            Variable va = v.get(0);
            Variable vb = v.get(1);
            return Variable.fromOp(va.value().add(vb.value().mul(2.0)), va::accumulateGrad, va, vb);
        }, a, b);
        assertFalse(result.passed(), result.toString());
        assertEquals(1, result.worstInput(), result.toString());
    }

    @Test
    void float32InputsAreRefused() {
        Tensor x32 = new Rng(1).normal(0f, 1f, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.DEFAULT.check(v -> v.get(0).tanh(), x32));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
    }

    @Test
    void float32InputAmongFloat64OnesIsRefused() {
        Tensor x64 = input(1, 3, 4);
        Tensor y32 = new Rng(2).normal(0f, 1f, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.DEFAULT.check(v -> v.get(0).add(v.get(1)), x64, y32));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
        assertTrue(e.getMessage().contains("input 1"), e.getMessage());
    }

    @Test
    void checkingLeavesTheCallersInputsUnchanged() {
        Tensor x = input(9, 3, 4);
        Tensor before = x.copy();
        GradCheck.DEFAULT.check(v -> v.get(0).exp(), x);
        assertTrue(x.contentEquals(before));
    }

    @Test
    void nonPositiveStepIsRejectedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GradCheck(0, 1e-7, 1e-5, 1));
        assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
    }

    @Test
    void looserTolerancesLetThePlantedErrorThrough() {
        // The planted 1% error is caught because of the tolerance, not by accident: at 2% relative it passes.
        Tensor x = input(1, 3, 4);
        GradCheck.Result result = GradCheck.DEFAULT.withTolerances(1e-7, 0.02).check(v -> cube(v.get(0), 1.01), x);
        assertTrue(result.passed(), result.toString());
    }
}
