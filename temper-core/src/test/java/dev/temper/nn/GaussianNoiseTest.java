package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GaussianNoiseTest {

    @Test
    void addsNoiseOfMeanZeroAndTheGivenStandardDeviation() {
        Tensor threes = Tensor.full(3f, 200, 500);
        Tensor out = new GaussianNoise(0.5).forward(Variable.constant(threes), ForwardContext.training(new Rng(1))).value();
        // 100k draws of N(0, 0.25): sd of the sample mean ~0.0016, of the sample sd ~0.0011
        double mean = out.mean().item();
        assertEquals(3.0, mean, 0.01, "the expected activation is kept");
        double sd = Math.sqrt(out.sub(Tensor.scalar((float) mean)).square().mean().item());
        assertEquals(0.5, sd, 0.01);
    }

    @Test
    void gradientPassesUnchanged() {
        Variable x = new Variable(Tensor.ones(3, 4), true);
        new GaussianNoise(1.0).forward(x, ForwardContext.training(new Rng(2))).sum().backward();
        assertEquals(12.0, x.grad().sum().item(), 1e-6);
        assertEquals(1.0, x.grad().getFlat(5), 0.0);
    }

    @Test
    void stddevIsValidatedWithTheLayerNameAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(-1));
        assertEquals("GaussianNoise: stddev must be finite and >= 0, got -1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(Double.POSITIVE_INFINITY));
    }
}
