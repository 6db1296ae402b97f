package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GaussianDropoutTest {
    private final Tensor ones = Tensor.ones(200, 500);

    @Test
    void multipliesByNoiseOfMeanOneAndVarianceRateOverKeep() {
        Tensor out = new GaussianDropout(0.3).forward(Variable.constant(ones), ForwardContext.training(new Rng(1))).value();
        // 100k draws of N(1, 0.3/0.7): sd of the sample mean ~0.002, of the sample variance ~0.002
        double mean = out.mean().item();
        assertEquals(1.0, mean, 0.01, "the expected activation is kept");
        double variance = out.sub(Tensor.scalar((float) mean)).square().mean().item();
        assertEquals(0.3 / 0.7, variance, 0.01, "variance rate / (1 - rate), Srivastava et al. 2014 sec. 10");
    }

    @Test
    void gradientIsTheNoiseItself() {
        Variable x = new Variable(ones.copy(), true);
        Tensor out = new GaussianDropout(0.3).forward(x, ForwardContext.training(new Rng(2))).value();
        new GaussianDropout(0.3).forward(x, ForwardContext.training(new Rng(2))).sum().backward();
        // x is all ones, so the output is the noise and d sum(x * e) / dx = e
        for (int i = 0; i < out.size(); i += 997) {
            assertEquals(out.getFlat(i), x.grad().getFlat(i), 1e-6);
        }
    }

    @Test
    void rateIsValidatedWithTheLayerNameAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GaussianDropout(1.0));
        assertEquals("GaussianDropout: rate (probability of dropping) must be in [0, 1), got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GaussianDropout(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianDropout(Double.NaN));
    }
}
