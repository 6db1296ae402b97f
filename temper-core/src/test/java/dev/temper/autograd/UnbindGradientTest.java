package dev.temper.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Unbind}: slices along an axis, with one shared gradient buffer. */
class UnbindGradientTest {
    private final Rng rng = new Rng(78L);

    private Tensor normal(int... shape) {
        return rng.normal(0f, 1f, shape).to(DType.FLOAT64);
    }

    /** Slices used unevenly: slice 0 twice, slice 1 once, slice 3 not at all (its gradient must be zero). */
    private static Variable uneven(Variable x, int axis) {
        List<Variable> p = Unbind.apply(x, axis);
        return Concat.apply(0, p.get(0).mul(p.get(2)), p.get(1).add(p.get(0)));
    }

    @Test
    void timeAxisPassesTheGradientCheck() {
        GradCheck.Result r = GradCheck.DEFAULT.check(v -> uneven(v.get(0), 1), normal(2, 4, 3));
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void firstAndLastAxesPassTheGradientCheck() {
        GradCheck.Result first = GradCheck.DEFAULT.check(v -> uneven(v.get(0), 0), normal(4, 2, 3));
        assertTrue(first.passed(), first.toString());
        GradCheck.Result last = GradCheck.DEFAULT.check(v -> uneven(v.get(0), -1), normal(2, 3, 4));
        assertTrue(last.passed(), last.toString());
    }

    @Test
    void slicesDropTheAxisAndKeepTheValues() {
        Tensor x = Tensor.of(new double[] {0, 1, 2, 3, 4, 5}, 1, 3, 2);
        List<Variable> parts = Unbind.apply(Variable.constant(x), 1);
        assertEquals(3, parts.size());
        assertEquals(Shape.of(1, 2), parts.get(1).shape());
        assertArrayEquals(new double[] {2, 3}, parts.get(1).value().toDoubleArray());
    }

    /** The buffer must not carry over: a second backward pass through the same graph adds the same gradient again. */
    @Test
    void secondBackwardPassAccumulatesLikeTheFirst() {
        Variable x = new Variable(normal(2, 3, 2), true);
        List<Variable> parts = Unbind.apply(x, 1);
        Variable loss = parts.get(0).mul(parts.get(1)).add(parts.get(2)).sum();
        loss.backward();
        double[] once = x.grad().toDoubleArray();
        loss.backward();
        double[] twice = x.grad().toDoubleArray();
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-12, "element " + i);
        }
    }
}
