package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Sequential} fuses Conv2d + ReLU (and + MaxPool2d where the convolution goes image by image) and Dense +
 * ReLU (and + Dropout) without changing a bit: the same output, loss gradient for every parameter and input gradient
 * as running the layers one by one, for a CNN that takes both convolution forms (a one-channel first convolution, a
 * 16-channel second one) and an MLP with dropout after one of its two hidden layers.
 */
class SequentialFusionTest {

    private static Sequential network(long seed) {
        Rng rng = new Rng(seed);
        return new Sequential(new Conv2d(1, 16, 3, rng), new ReLU(), new MaxPool2d(2),
                new Conv2d(16, 16, 3, rng), new ReLU(), new MaxPool2d(2), new Flatten(), new Dense(16 * 2 * 2, 3, rng));
    }

    @Test
    void fusedForwardAndBackwardMatchTheLayersOneByOne() {
        assertFusedMatchesLayerByLayer(() -> network(9), new Rng(3).normal(0f, 1f, 16, 1, 14, 14), new Rng(4).normal(0f, 1f, 16, 3));
    }

    @Test
    void fusedDenseAndReluWithDropoutMatchTheLayersOneByOne() {
        Rng rng = new Rng(8);
        assertFusedMatchesLayerByLayer(() -> mlp(10), rng.normal(0f, 1f, 32, 20), rng.normal(0f, 1f, 32, 4));
    }

    @Test
    void dropoutMasksDrawnInChunksAndMultipliedInAsDrawnMatchTheLayersOneByOne() {
        // 64 x 300 = 19,200 units a layer: more than one chunk of mask draws, on the kernel threads
        Rng rng = new Rng(11);
        assertFusedMatchesLayerByLayer(() -> wideMlp(12), rng.normal(0f, 1f, 64, 30), rng.normal(0f, 1f, 64, 5));
    }

    /** Two networks of one recipe: one run whole (fused), one layer by layer; forward on x, backward from up. */
    private static void assertFusedMatchesLayerByLayer(Supplier<Sequential> recipe, Tensor x, Tensor up) {
        Sequential fused = recipe.get();
        Variable in1 = new Variable(x, true);
        Variable out1 = fused.forward(in1, ForwardContext.training(new Rng(5)));
        out1.backward(up);
        assertSameAsLayerByLayer(fused, recipe.get(), x, up, in1, out1);
    }

    private static Sequential wideMlp(long seed) {
        Rng rng = new Rng(seed);
        return new Sequential(new Dense(30, 300, rng), new ReLU(), new Dropout(0.2), new Dense(300, 300, rng), new ReLU(),
                new Dropout(0.5), new Dense(300, 5, rng));
    }

    private static Sequential mlp(long seed) {
        Rng rng = new Rng(seed);
        return new Sequential(new Dense(20, 16, rng), new ReLU(), new Dropout(0.3), new Dense(16, 16, rng), new ReLU(),
                new Dense(16, 4, rng));
    }

    /** Runs {@code plain}'s layers one by one (one context, so dropout draws the same masks) and compares. */
    private static void assertSameAsLayerByLayer(Sequential fused, Sequential plain, Tensor x, Tensor up, Variable in1, Variable out1) {
        Variable in2 = new Variable(x, true);
        Variable h = in2;
        ForwardContext context = ForwardContext.training(new Rng(5));
        for (Layer layer : plain.layers()) {
            h = layer.forward(h, context);
        }
        h.backward(up);

        assertTrue(h.value().contentEquals(out1.value()), "output");
        assertTrue(in2.grad().contentEquals(in1.grad()), "input gradient");
        List<Parameter> a = fused.parameters();
        List<Parameter> b = plain.parameters();
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(b.get(i).grad().contentEquals(a.get(i).grad()), "gradient of parameter " + i);
            assertTrue(a.get(i).grad().abs().sum().item() > 0, "parameter " + i + " gets a gradient");
        }
    }
}
