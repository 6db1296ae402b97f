package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlphaDropoutTest {
    private final Tensor standardNormal = new Rng(3).normal(0f, 1f, 200, 500).to(DType.FLOAT64);

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {0.05, 0.2, 0.5})
    void keepsMeanZeroAndVarianceOneForStandardNormalInput(double rate) {
        Tensor out = new AlphaDropout(rate).forward(Variable.constant(standardNormal), ForwardContext.training(new Rng(4))).value();
        // 100k values of (nearly) unit variance: sd of the sample mean ~0.003, of the sample variance ~0.005-0.01;
        // the input's own sample moments deviate from (0, 1) by as much again
        double mean = out.mean().item();
        double variance = out.sub(Tensor.scalar(DType.FLOAT64, mean)).square().mean().item();
        assertEquals(0.0, mean, 0.02, "mean");
        assertEquals(1.0, variance, 0.03, "variance");
    }

    @Test
    void affineParametersMatchTheFactoredFormKerasWrites() {
        // a = (q + alpha'^2 q (1-q))^-1/2 = ((1 - rate)(1 + rate alpha'^2))^-1/2, b = -a alpha' rate
        double rate = 0.2;
        AlphaDropout layer = new AlphaDropout(rate);
        double alphaPrime = -1.0507009873554805 * 1.6732632423543772;
        assertEquals(alphaPrime, AlphaDropout.ALPHA_PRIME, 1e-15);
        double a = Math.pow((1 - rate) * (1 + rate * alphaPrime * alphaPrime), -0.5);
        assertEquals(a, layer.scale(), 1e-12);
        assertEquals(-a * alphaPrime * rate, layer.shift(), 1e-12);
    }

    @Test
    void droppedUnitsTakeTheSaturationValueAndGradientFlowsOnlyThroughKeptOnes() {
        AlphaDropout layer = new AlphaDropout(0.3);
        double a = layer.scale();
        double b = layer.shift();
        Variable x = new Variable(standardNormal.copy(), true);
        Variable y = layer.forward(x, ForwardContext.training(new Rng(5)));
        y.sum().backward();
        int dropped = 0;
        for (int i = 0; i < y.value().size(); i++) {
            double g = x.grad().getFlat(i);
            if (g == 0) {
                dropped++;
                assertEquals(a * AlphaDropout.ALPHA_PRIME + b, y.value().getFlat(i), 1e-12, "dropped element " + i);
            } else {
                assertEquals(a, g, 1e-12, "kept element " + i);
                assertEquals(a * standardNormal.getFlat(i) + b, y.value().getFlat(i), 1e-12, "kept element " + i);
            }
        }
        assertEquals(0.3, dropped / (double) y.value().size(), 0.005, "fraction dropped"); // sd ~0.0015
    }

    @Test
    void rateIsValidatedWithTheLayerNameAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AlphaDropout(1.5));
        assertEquals("AlphaDropout: rate (probability of dropping) must be in [0, 1), got 1.5", e.getMessage());
    }
}
