package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SpatialDropoutTest {

    @Test
    void dropsWholeChannelsAboutRateOfThemAndKeepsTheMean() {
        int n = 50;
        int c = 200;
        Variable x = new Variable(Tensor.ones(n, c, 4, 5), true);
        Variable y = new SpatialDropout(0.25).forward(x, ForwardContext.training(new Rng(1)));
        y.sum().backward();
        int droppedChannels = 0;
        for (int s = 0; s < n; s++) {
            for (int ch = 0; ch < c; ch++) {
                double first = y.value().get(s, ch, 0, 0);
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 5; j++) {
                        assertEquals(first, y.value().get(s, ch, i, j), 0.0, "one value per channel");
                        // gradient only through kept channels: d sum(x * m) / dx = m
                        assertEquals(first, x.grad().get(s, ch, i, j), 0.0, "gradient is the mask");
                    }
                }
                if (first == 0) {
                    droppedChannels++;
                } else {
                    assertEquals(1 / 0.75, first, 1e-6);
                }
            }
        }
        // 10k channels: sd of the dropped fraction ~0.0043
        assertEquals(0.25, droppedChannels / (double) (n * c), 0.02, "fraction of channels dropped");
        assertEquals(1.0, y.value().mean().item(), 0.03, "inverted scaling keeps the mean"); // sd ~0.006
    }

    @Test
    void oneDimensionalVersionDropsWholeFeaturesAtEveryStep() {
        Tensor out = new SpatialDropout1D(0.5).forward(Variable.constant(Tensor.ones(20, 7, 30)),
                ForwardContext.training(new Rng(2))).value();
        int dropped = 0;
        for (int s = 0; s < 20; s++) {
            for (int f = 0; f < 30; f++) {
                double first = out.get(s, 0, f);
                for (int t = 1; t < 7; t++) {
                    assertEquals(first, out.get(s, t, f), 0.0, "one value per feature across time");
                }
                dropped += first == 0 ? 1 : 0;
            }
        }
        assertEquals(0.5, dropped / 600.0, 0.1, "fraction of features dropped"); // sd ~0.02
    }

    @Test
    void wrongRankIsRefusedNamingTheLayerAndShape() {
        Variable flat = Variable.constant(Tensor.ones(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SpatialDropout(0.5).forward(flat, ForwardContext.inference()));
        assertEquals("SpatialDropout: expected input [batch, channels, height, width], got [2, 3]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SpatialDropout1D(0.5).forward(flat, ForwardContext.inference()));
        assertEquals(Shape.of(3, 4, 4), new SpatialDropout(0.5).outputShape(Shape.of(3, 4, 4)));
        assertThrows(IllegalArgumentException.class, () -> new SpatialDropout(0.5).outputShape(Shape.of(3)));
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> new SpatialDropout1D(1));
        assertEquals("SpatialDropout1D: rate (probability of dropping) must be in [0, 1), got 1.0", r.getMessage());
    }
}
