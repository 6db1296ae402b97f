package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.GradCheck;
import dev.temper.autograd.Linear;
import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropConnectDenseTest {
    private final DropConnectDense layer = new DropConnectDense(6, 4, 0.5, new Rng(1));
    private final Tensor x = new Rng(2).normal(0f, 1f, 3, 6);

    @Test
    void ownsAKernelAndABiasNamedAsDense() {
        assertEquals(List.of("kernel", "bias"), layer.parameters().stream().map(p -> p.name()).toList());
        assertEquals(Shape.of(6, 4), layer.kernel().shape());
        assertEquals(Shape.of(4), layer.outputShape(Shape.of(6)));
    }

    @Test
    void inferenceUsesTheWeightsAsTheyAre() {
        Tensor expected = Linear.apply(Variable.constant(x), layer.kernel(), layer.bias()).value();
        assertTrue(expected.contentEquals(layer.forward(Variable.constant(x), ForwardContext.inference()).value()));
    }

    @Test
    void masksTheKernelSoOnlyKeptWeightsGetAGradient() {
        // with x = a single row of ones, d sum(x @ (K * M) + b) / dK = M, so the kernel's gradient is the mask
        Variable ones = Variable.constant(Tensor.ones(1, 6));
        Variable y = layer.forward(ones, ForwardContext.training(new Rng(3)));
        y.sum().backward();
        Tensor mask = layer.kernel().grad();
        int dropped = 0;
        for (int i = 0; i < mask.size(); i++) {
            double m = mask.getFlat(i);
            assertTrue(m == 0 || Math.abs(m - 2.0) < 1e-6, "mask value " + m);
            dropped += m == 0 ? 1 : 0;
        }
        assertTrue(dropped > 0 && dropped < mask.size(), "some but not all of 24 weights dropped: " + dropped);
        // and the forward pass used exactly that mask: y[j] = sum_i K[i, j] M[i, j] + b[j]
        Tensor expected = layer.kernel().value().mul(mask).sum(false, 0).add(layer.bias().value());
        for (int j = 0; j < 4; j++) {
            assertEquals(expected.getFlat(j), y.value().getFlat(j), 1e-5);
        }
    }

    @Test
    void trainingOutputAveragesToTheInferenceOutput() {
        Tensor inference = layer.forward(Variable.constant(x), ForwardContext.inference()).value();
        Rng rng = new Rng(4);
        int passes = 4000;
        Tensor sum = Tensor.zeros(3, 4);
        for (int t = 0; t < passes; t++) {
            sum = sum.add(layer.forward(Variable.constant(x), ForwardContext.training(rng)).value());
        }
        Tensor mean = sum.mul(1.0 / passes);
        // each output is a sum of 6 terms x*K*M with M in {0, 2}: per-pass sd <~ 2, so sd of a 4000-pass mean <~ 0.03
        for (int i = 0; i < mean.size(); i++) {
            assertEquals(inference.getFlat(i), mean.getFlat(i), 0.1, "element " + i);
        }
    }

    @Test
    void gradientsOfInputKernelAndBiasMatchFiniteDifferencesWithTheMaskFixed() {
        Rng rng = new Rng(5);
        Tensor input = rng.normal(0f, 1f, 3, 6).to(DType.FLOAT64);
        Tensor kernel = rng.normal(0f, 1f, 6, 4).to(DType.FLOAT64);
        Tensor bias = rng.normal(0f, 1f, 4).to(DType.FLOAT64);
        GradCheck.Result result = GradCheck.DEFAULT.check(
                v -> DropConnectDense.apply(v.get(0), v.get(1), v.get(2), 0.4, ForwardContext.training(new Rng(77))),
                input, kernel, bias);
        assertTrue(result.passed(), result.toString());
        assertEquals(18 + 24 + 4, result.checkedElements());
    }

    @Test
    void sameSeedSameMask() {
        Tensor a = layer.forward(Variable.constant(x), ForwardContext.training(new Rng(6))).value();
        Tensor b = layer.forward(Variable.constant(x), ForwardContext.training(new Rng(6))).value();
        assertTrue(a.contentEquals(b));
    }

    @Test
    void samplesInMonteCarloPassesAsInTraining() {
        Tensor train = layer.forward(Variable.constant(x), ForwardContext.training(new Rng(7))).value();
        Tensor monteCarlo = layer.forward(Variable.constant(x), ForwardContext.monteCarlo(new Rng(7))).value();
        assertTrue(train.contentEquals(monteCarlo));
        assertTrue(!train.contentEquals(layer.forward(Variable.constant(x), ForwardContext.inference()).value()));
    }

    @Test
    void badArgumentsAreRefusedNamingTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DropConnectDense(6, 4, 1.0, new Rng(1)));
        assertEquals("DropConnectDense: rate (probability of dropping) must be in [0, 1), got 1.0", e.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(Variable.constant(Tensor.ones(3, 5)), ForwardContext.inference()));
        assertEquals("DropConnectDense(6 -> 4): expected input [batch, 6], got [3, 5]", shape.getMessage());
    }
}
