package dev.temper.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@link Narrow}: forward picks the slice, backward puts the gradient back there and zero elsewhere. */
class NarrowGradientTest {
    private final Rng rng = new Rng(77L);

    private Tensor normal(int... shape) {
        return rng.normal(0f, 1f, shape).to(DType.FLOAT64);
    }

    @Test
    void middleTimeStepOfASequencePassesTheGradientCheck() {
        GradCheck.Result r = GradCheck.DEFAULT.check(v -> Narrow.apply(v.get(0), 1, 1, 2), normal(2, 4, 3));
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void columnBlockPassesTheGradientCheck() {
        GradCheck.Result r = GradCheck.DEFAULT.check(v -> Narrow.apply(v.get(0), -1, 3, 3), normal(2, 9));
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void firstAxisSlicePassesTheGradientCheck() {
        GradCheck.Result r = GradCheck.DEFAULT.check(v -> Narrow.apply(v.get(0), 0, 0, 1), normal(3, 2));
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void forwardCopiesTheSelectedColumns() {
        Tensor x = Tensor.of(new double[] {0, 1, 2, 3, 4, 5}, 2, 3);
        Variable out = Narrow.apply(Variable.constant(x), 1, 1, 2);
        assertArrayEquals(new double[] {1, 2, 4, 5}, out.value().toDoubleArray());
    }

    @Test
    void rangeOutsideTheAxisIsRejected() {
        Variable x = Variable.constant(Tensor.zeros(2, 3));
        assertThrows(IllegalArgumentException.class, () -> Narrow.apply(x, 1, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Narrow.apply(x, 1, -1, 1));
    }
}
