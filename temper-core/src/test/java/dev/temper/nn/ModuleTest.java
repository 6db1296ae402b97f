package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleTest {

    /** y = relu(x + f(x)) with f = dense-bn-relu-dense: a residual block (He et al. 2016), not a chain. */
    static final class ResidualBlock extends Module {
        private final Sequential inner;
        private final Dense head;

        ResidualBlock(int width, Rng rng) {
            inner = add("inner", new Sequential(new Dense(width, width, rng), new BatchNormalization(width),
                    new ReLU(), new Dense(width, width, rng)));
            head = add("head", new Dense(width, 2, rng));
        }

        @Override
        public Variable forward(Variable x, ForwardContext context) {
            return head.forward(x.add(inner.forward(x, context)).relu(), context);
        }

        @Override
        public Shape outputShape(Shape inputShape) {
            return head.outputShape(inputShape);
        }
    }

    @Test
    void pathsFollowRegistrationNamesThroughNestedModels() {
        ResidualBlock block = new ResidualBlock(3, new Rng(1));
        assertEquals(List.of("inner.dense_1.kernel", "inner.dense_1.bias", "inner.batch_normalization_1.gamma",
                        "inner.batch_normalization_1.beta", "inner.dense_2.kernel", "inner.dense_2.bias",
                        "head.kernel", "head.bias"),
                List.copyOf(block.namedParameters().keySet()));
        assertEquals(List.of("inner.batch_normalization_1.running_mean", "inner.batch_normalization_1.running_variance"),
                List.copyOf(block.namedBuffers().keySet()));
    }

    @Test
    void gradientsReachEveryParameterAndTheModePropagates() {
        Rng rng = new Rng(2);
        ResidualBlock block = new ResidualBlock(3, rng);
        Tensor x = rng.normal(0f, 1f, 8, 3);
        Variable loss = block.forward(Variable.constant(x), ForwardContext.training(rng)).square().mean();
        loss.backward();
        block.namedParameters().forEach((path, p) -> assertTrue(p.grad() != null, path + " has a gradient"));
        // training moved the running mean of the inner batch norm; inference leaves it alone
        Tensor runningMean = block.namedBuffers().get("inner.batch_normalization_1.running_mean");
        assertNotEquals(0.0, runningMean.getFlat(0));
        double before = runningMean.getFlat(0);
        block.forward(Variable.constant(x), ForwardContext.inference());
        assertEquals(before, runningMean.getFlat(0));
    }

    /** Registers whatever it is told to: for the name checks. */
    static final class Registry extends Module {
        void register(String name) {
            add(name, new ReLU());
        }

        @Override
        public Variable forward(Variable input, ForwardContext context) {
            return input;
        }
    }

    @Test
    void badNamesAreRefused() {
        Registry m = new Registry();
        m.register("a");
        assertEquals(1, m.children().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.register("a"));
        assertEquals("Registry: a layer named 'a' is already registered", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.register("a.b"));
        assertEquals("Registry: layer name must be letters, digits and underscores, got 'a.b'", e.getMessage());
    }
}
