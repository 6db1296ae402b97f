package dev.temper.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The graph machinery: accumulation, zeroing, detaching, no-grad scopes, upstream gradients, deep graphs. */
class VariableTest {

    private static Tensor vector(double... values) {
        return Tensor.of(values, values.length);
    }

    private static void assertValues(double[] expected, Tensor actual, double tolerance) {
        assertArrayEquals(expected, actual.toDoubleArray(), tolerance);
    }

    @Test
    void gradientsAccumulateAcrossBackwardPassesUntilZeroGrad() {
        Variable x = new Variable(vector(1, 2, 3), true);
        Variable c = Variable.constant(vector(4, 5, 6));

        x.mul(c).sum().backward();
        assertValues(new double[] {4, 5, 6}, x.grad(), 0);

        x.mul(c).sum().backward();
        assertValues(new double[] {8, 10, 12}, x.grad(), 0);

        x.zeroGrad();
        x.mul(c).sum().backward();
        assertValues(new double[] {4, 5, 6}, x.grad(), 0);
    }

    @Test
    void zeroGradSetsTheGradientToNull() {
        Variable x = new Variable(vector(1, 2), true);
        assertNull(x.grad(), "no gradient before any backward pass");
        x.square().sum().backward();
        assertNotNull(x.grad());
        x.zeroGrad();
        assertNull(x.grad());
    }

    @Test
    void detachCutsTheGraph() {
        Variable x = new Variable(vector(1, 2, 3), true);
        Variable detached = x.detach();
        assertFalse(detached.requiresGrad());
        assertTrue(detached.isLeaf());
        assertTrue(detached.value().contentEquals(x.value()));

        // d/dx sum(x * stop(x)) = stop(x) = x: the detached branch contributes nothing (without detach it is 2x).
        x.mul(detached).sum().backward();
        assertValues(new double[] {1, 2, 3}, x.grad(), 0);
        assertNull(detached.grad());
    }

    @Test
    void resultOfOnlyDetachedInputsCannotBackpropagate() {
        Variable x = new Variable(vector(1, 2, 3), true);
        Variable y = x.detach().square().sum();
        assertFalse(y.requiresGrad());
        assertThrows(IllegalStateException.class, y::backward);
        assertNull(x.grad());
    }

    @Test
    void opsInsideNoGradRecordNothing() {
        Variable x = new Variable(vector(1, 2), true);
        assertTrue(NoGrad.isGradEnabled());
        try (NoGrad scope = NoGrad.enter()) {
            assertFalse(NoGrad.isGradEnabled());
            Variable y = x.mul(x).sum();
            assertFalse(y.requiresGrad());
            assertTrue(y.isLeaf());
            assertEquals(5.0, y.value().item());
        }
        assertTrue(NoGrad.isGradEnabled());
        assertTrue(x.mul(x).sum().requiresGrad());
    }

    @Test
    void noGradScopesNest() {
        Variable x = new Variable(vector(1, 2), true);
        try (NoGrad outer = NoGrad.enter()) {
            try (NoGrad inner = NoGrad.enter()) {
                assertFalse(x.exp().requiresGrad());
            }
            // Closing the inner scope must not re-enable gradients inside the outer one.
            assertFalse(NoGrad.isGradEnabled());
            assertFalse(x.exp().requiresGrad());
        }
        assertTrue(NoGrad.isGradEnabled());
        assertTrue(x.exp().requiresGrad());
    }

    @Test
    void closingANoGradScopeTwiceDoesNotUnbalanceNesting() {
        Variable x = new Variable(vector(1, 2), true);
        try (NoGrad outer = NoGrad.enter()) {
            NoGrad inner = NoGrad.enter();
            inner.close();
            inner.close();
            assertFalse(x.exp().requiresGrad());
        }
        assertTrue(NoGrad.isGradEnabled());
    }

    @Test
    void backwardOnANonScalarThrowsNamingTheShape() {
        Variable x = new Variable(Tensor.ones(DType.FLOAT64, 2, 3), true);
        Variable y = x.mul(2.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
        assertNull(x.grad());
    }

    @Test
    void backwardWithAnUpstreamGradientWorksOnANonScalar() {
        Variable x = new Variable(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3), true);
        Variable y = x.square(); // dy/dx = 2x
        Tensor upstream = Tensor.of(new double[] {1, -1, 0.5, 2, 0, 3}, 2, 3);
        y.backward(upstream);
        assertArrayEquals(new int[] {2, 3}, x.grad().dims());
        assertValues(new double[] {2, -4, 3, 16, 0, 36}, x.grad(), 1e-12);
    }

    @Test
    void aConstantNeverReceivesAGradient() {
        Variable x = new Variable(vector(1, 2, 3), true);
        Variable c = Variable.constant(vector(4, 5, 6));
        assertFalse(c.requiresGrad());
        x.mul(c).add(c).sum().backward();
        assertNull(c.grad());
        c.accumulateGrad(vector(1, 1, 1));
        assertNull(c.grad(), "accumulateGrad on a constant is ignored");
        assertValues(new double[] {4, 5, 6}, x.grad(), 0);
    }

    @Test
    void leafThatDoesNotRequireGradReceivesNone() {
        Variable x = new Variable(vector(1, 2, 3), true);
        Variable frozen = new Variable(vector(4, 5, 6), false);
        x.mul(frozen).sum().backward();
        assertNull(frozen.grad());
        assertNotNull(x.grad());
    }

    @Test
    void chainOfTenThousandOpsBackpropagatesWithoutStackOverflow() {
        int depth = 10_000;
        Variable x = new Variable(vector(1, 2), true);
        Variable y = x;
        for (int i = 0; i < depth; i++) {
            y = y.mul(1.0001);
        }
        Variable loss = y.sum();
        loss.backward();
        double expected = Math.pow(1.0001, depth);
        assertValues(new double[] {expected, expected}, x.grad(), 1e-9 * expected);
    }

    @Test
    void sharedInputOfAWideGraphAccumulatesEveryPath() {
        // x feeds 10,000 additions: d/dx sum(x + x + ... + x) = 10,000 (accumulation through shared inputs, deep too).
        Variable x = new Variable(vector(0.5), true);
        Variable y = x;
        for (int i = 1; i < 10_000; i++) {
            y = y.add(x);
        }
        y.sum().backward();
        assertEquals(10_000.0, x.grad().item(), 1e-9);
    }

    @Test
    void accumulateGradWithTheWrongShapeThrows() {
        Variable x = new Variable(Tensor.zeros(DType.FLOAT64, 2, 3), true);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> x.accumulateGrad(Tensor.zeros(DType.FLOAT64, 3, 2)));
        assertTrue(e.getMessage().contains("[3, 2]") && e.getMessage().contains("[2, 3]"), e.getMessage());
        assertNull(x.grad());
    }

    @Test
    void intermediateGradientsAreNotKeptButLeafGradientsAre() {
        Variable x = new Variable(vector(1, 2), true);
        Variable hidden = x.exp();
        hidden.sum().backward();
        assertNull(hidden.grad(), "the pass frees intermediate gradients");
        assertValues(new double[] {Math.exp(1), Math.exp(2)}, x.grad(), 1e-12);
    }

    @Test
    void anUpstreamGradientSharedByTwoInputsIsNeverWrittenTo() {
        // add hands the same upstream tensor to a and b; a then receives a second gradient, which must go into a
        // tensor of a's own, leaving b's (the shared one) as it was
        for (boolean sharedFirst : new boolean[] {true, false}) {
            Variable a = new Variable(vector(1, 2), true);
            Variable b = new Variable(vector(3, 4), true);
            Variable shared = a.add(b);
            Variable own = a.mul(Variable.constant(vector(10, 20)));
            (sharedFirst ? shared.add(own) : own.add(shared)).sum().backward();
            assertValues(new double[] {11, 21}, a.grad(), 0);
            assertValues(new double[] {1, 1}, b.grad(), 0);
        }
    }

    @Test
    void weightGradientsByMatmulAndByScaleAccumulateAndMatchTheirProducts() {
        Variable w = new Variable(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3), true);
        Tensor a = Tensor.of(new double[] {1, 0, 2, -1}, 2, 2); // a @ b is 2 x 3
        Tensor b = Tensor.of(new double[] {1, 1, 0, 0, 2, 1}, 2, 3);
        w.accumulateMatmulGrad(a, b);
        assertValues(a.matmul(b).toDoubleArray(), w.grad(), 0);
        w.accumulateScaledGrad(0.5, w.value());
        w.accumulateMatmulGrad(a.transpose().transpose(), b);
        double[] expected = a.matmul(b).mul(2.0).add(w.value().mul(0.5)).toDoubleArray();
        assertValues(expected, w.grad(), 1e-12);
        assertThrows(IllegalStateException.class, () -> w.accumulateMatmulGrad(b, a));
        assertThrows(IllegalStateException.class, () -> w.accumulateScaledGrad(1.0, vector(1, 2)));
    }

    @Test
    void aLeafReusesItsOwnGradientTensorAfterZeroGradAsDocumented() {
        // PyTorch's zero_grad(set_to_none=False) semantics: a kept reference sees the next step's gradient
        Variable w = new Variable(Tensor.of(new double[] {1, 2, 3, 4}, 2, 2), true);
        Tensor eye = Tensor.of(new double[] {1, 0, 0, 1}, 2, 2);
        w.accumulateMatmulGrad(eye, eye);
        Tensor first = w.grad();
        w.zeroGrad();
        assertNull(w.grad());
        w.accumulateMatmulGrad(eye, eye.mul(3.0));
        assertSame(first, w.grad());
        assertValues(new double[] {3, 0, 0, 3}, first, 0);
    }

    @Test
    void aLeafsOwnValueTermWaitsUntilTheGradientIsRead() {
        Tensor w = Tensor.of(new float[] {1, -2, 3}, 3);
        Variable v = new Variable(w, true);
        v.accumulateScaledGrad(0.5, w); // the L2 penalty's 2 lambda w
        assertNull(v.gradWithoutValueTerm(), "nothing written yet");
        assertEquals(0.5, v.gradValueTerm());
        v.accumulateGrad(Tensor.of(new float[] {10, 20, 30}, 3));
        assertArrayEquals(new float[] {10, 20, 30}, v.gradWithoutValueTerm().toFloatArray());
        assertArrayEquals(new float[] {10.5f, 19, 31.5f}, v.grad().toFloatArray(), "read: the term is in");
        assertEquals(0.0, v.gradValueTerm());
        assertArrayEquals(new float[] {10.5f, 19, 31.5f}, v.grad().toFloatArray(), "added once");

        v.zeroGrad();
        v.accumulateScaledGrad(2.0, w);
        v.zeroGrad();
        assertNull(v.grad(), "zeroGrad drops a pending term too");

        v.accumulateScaledGrad(1.0, w);
        v.accumulateScaledGrad(-3.0, w); // a second term: the first goes in, then this one
        assertArrayEquals(new float[] {-2, 4, -6}, v.grad().toFloatArray());

        Variable other = new Variable(Tensor.of(new float[] {1, 1, 1}, 3), true);
        other.accumulateScaledGrad(2.0, w); // not its own value: written at once
        assertEquals(0.0, other.gradValueTerm());
        assertArrayEquals(new float[] {2, -4, 6}, other.gradWithoutValueTerm().toFloatArray());
    }

    @Test
    void aLeafsGradientSurvivesTheRecyclingOfConsumedGradients() {
        // x -> linear -> linear -> sum: the hidden gradient (128 x 200, large enough to be recycled) is consumed by
        // the first linear's backward and handed back; the leaf's gradient must not be handed out again
        Rng rng = new Rng(6);
        Variable w1 = new Variable(rng.normal(0f, 0.1f, 200, 200), true);
        Variable w2 = new Variable(rng.normal(0f, 0.1f, 200, 200), true);
        Variable x = new Variable(rng.normal(0f, 1f, 128, 200), true);
        Linear.apply(Linear.apply(x, w1, null), w2, null).sum().backward();
        float[] before = x.grad().toFloatArray();
        for (int pass = 0; pass < 3; pass++) { // more passes, with other leaves: they take the recycled storage
            Variable other = new Variable(rng.normal(0f, 1f, 128, 200), true);
            Linear.apply(Linear.apply(other, w1, null), w2, null).mul(2.0).sum().backward();
            assertTrue(other.grad().abs().sum().item() > 0);
        }
        assertArrayEquals(before, x.grad().toFloatArray());
        Variable fresh = new Variable(x.value(), true);
        Linear.apply(Linear.apply(fresh, w1, null), w2, null).sum().backward();
        assertArrayEquals(before, fresh.grad().toFloatArray(), "the same gradient again");
    }

    @Test
    void aReleasedGraphCannotBeReadOrBackpropagatedAndItsDenseOutputsAreReused() {
        Rng rng = new Rng(7);
        Variable w1 = new Variable(rng.normal(0f, 0.1f, 50, 400), true);
        Variable w2 = new Variable(rng.normal(0f, 0.1f, 400, 3), true);
        Variable x = Variable.constant(rng.normal(0f, 1f, 64, 50));
        Variable hidden = Linear.applyWithRelu(x, w1, null); // 64 x 400: large enough to be reused
        Variable out = Linear.apply(hidden, w2, null);
        Variable loss = out.sum();
        loss.backward();
        float[] hiddenStorage = hidden.value().floatData();
        Tensor kept = out.value();
        float[] w1Grad = w1.grad().toFloatArray();
        loss.releaseGraph(kept);

        assertThrows(IllegalStateException.class, hidden::value);
        assertThrows(IllegalStateException.class, loss::backward);
        assertArrayEquals(w1Grad, w1.grad().toFloatArray(), "leaves keep their gradients");
        assertEquals(50, w1.value().dim(0), "and their values");
        // the next pass's dense output of that size gets the released storage, written whole
        Variable again = Linear.applyWithRelu(x, w1, null);
        assertSame(hiddenStorage, again.value().floatData());
        assertArrayEquals(Linear.applyWithRelu(x, w1, null).value().toFloatArray(), again.value().toFloatArray());
    }

    @Test
    void releasingKeepsTheStorageOfTheOutputTheCallerReads() {
        Rng rng = new Rng(8);
        Variable w = new Variable(rng.normal(0f, 0.1f, 20, 500), true);
        Variable x = Variable.constant(rng.normal(0f, 1f, 64, 20));
        Variable out = Linear.apply(x, w, null); // 64 x 500, the model's output itself
        Variable flat = out.reshape(-1); // what a caller keeps may be a view of it
        Variable loss = flat.sum();
        loss.backward();
        Tensor kept = flat.value();
        float[] before = kept.toFloatArray();
        loss.releaseGraph(kept);
        Variable next = Linear.apply(x.mul(2.0), w, null);
        assertFalse(next.value().sharesStorageWith(kept), "the kept output's storage is not handed out");
        assertArrayEquals(before, kept.toFloatArray());
    }
}
