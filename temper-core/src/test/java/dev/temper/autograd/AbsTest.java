package dev.temper.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AbsTest {

    @Test
    void gradientMatchesFiniteDifferencesAwayFromZero() {
        // Normals pushed 0.1 away from 0: no finite-difference step (1e-6) crosses the kink.
        Tensor x = new Rng(41).normal(0f, 1f, 4, 5).to(DType.FLOAT64);
        for (int i = 0; i < x.size(); i++) {
            double v = x.getFlat(i);
            x.setFlat(i, v + (v < 0 ? -0.1 : 0.1));
        }
        GradCheck.Result result = GradCheck.DEFAULT.check(v -> Abs.apply(v.get(0)), x);
        assertTrue(result.passed(), result.toString());
        assertEquals(20, result.checkedElements());
    }

    @Test
    void valueIsAbsoluteAndGradientIsSignWithZeroAtZero() {
        Variable x = new Variable(Tensor.of(new double[] {-2.5, 0.0, 3.0, -0.0}, 4), true);
        Variable y = Abs.apply(x);
        assertArrayEquals(new double[] {2.5, 0.0, 3.0, 0.0}, y.value().toDoubleArray(), 0.0);
        y.backward(Tensor.of(new double[] {10, 10, 10, 10}, 4));
        assertArrayEquals(new double[] {-10, 0, 10, 0}, x.grad().toDoubleArray(), 0.0);
    }

    @Test
    void worksInFloat32() {
        Variable x = new Variable(Tensor.of(new float[] {-1.5f, 2f}, 2), true);
        Variable y = Abs.apply(x).sum();
        y.backward();
        assertEquals(DType.FLOAT32, y.value().dtype());
        assertEquals(3.5, y.value().item(), 0.0);
        assertArrayEquals(new double[] {-1, 1}, x.grad().toDoubleArray(), 0.0);
    }
}
