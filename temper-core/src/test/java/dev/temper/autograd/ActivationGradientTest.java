package dev.temper.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every activation op against central finite differences ({@link GradCheck#DEFAULT}, float64): on seeded normals
 * of spread 2 (kept 0.1 away from 0 for the ops with a kink there), on the tails (|x| in 5..30, where sigmoid and
 * erfc saturate), across softplus's threshold (never straddling it), on a transposed view, and composed after a
 * matrix product so the upstream gradient differs per element.
 */
class ActivationGradientTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void analyticGradientMatchesFiniteDifferences(String name, Function<List<Variable>, Variable> f, Tensor[] inputs) {
        GradCheck.Result result = GradCheck.DEFAULT.check(f, inputs);
        assertTrue(result.passed(), name + ": " + result);
        int elements = 0;
        for (Tensor t : inputs) {
            elements += t.size();
        }
        assertEquals(elements, result.checkedElements(), name + ": every input element is checked");
    }

    static Stream<Arguments> cases() {
        Rng rng = new Rng(20261123L);
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, UnaryOperator<Variable>> e : ActivationTable.ops().entrySet()) {
            String name = e.getKey();
            UnaryOperator<Variable> op = e.getValue();
            boolean kink = ActivationTable.hasKinkAtZero(name);
            cases.add(Arguments.of(name + " on normals [4,5]", (Function<List<Variable>, Variable>) v -> op.apply(v.get(0)),
                    new Tensor[] {inputs(rng, kink, 4, 5)}));
            cases.add(Arguments.of(name + " on the tails", (Function<List<Variable>, Variable>) v -> op.apply(v.get(0)),
                    new Tensor[] {Tensor.of(new double[] {-30, -12.5, -7, -5, 5, 7, 12.5, 30}, 2, 4)}));
            cases.add(Arguments.of(name + " on a transposed view", (Function<List<Variable>, Variable>) v -> op.apply(v.get(0).transpose()),
                    new Tensor[] {inputs(rng, kink, 3, 4)}));
            cases.add(Arguments.of(name + " after x @ w", (Function<List<Variable>, Variable>) v -> op.apply(v.get(0).matmul(v.get(1))),
                    new Tensor[] {normal(rng, 3, 4), normal(rng, 4, 2)}));
        }
        // Softplus on both sides of its threshold (beta x > 20 is linear), with no step crossing it.
        cases.add(Arguments.of("softplus beta 2 around its threshold",
                (Function<List<Variable>, Variable>) v -> Softplus.apply(v.get(0), 2.0, 20.0),
                new Tensor[] {Tensor.of(new double[] {9.5, 9.9, 10.1, 10.5, 15, 40}, 6)}));
        cases.add(Arguments.of("softplus beta 0.5 threshold 5",
                (Function<List<Variable>, Variable>) v -> Softplus.apply(v.get(0), 0.5, 5.0), new Tensor[] {normal(rng, 3, 4).mul(6)}));
        cases.add(Arguments.of("leaky relu with slope 1.5 (steeper on the left)",
                (Function<List<Variable>, Variable>) v -> LeakyRelu.apply(v.get(0), 1.5), new Tensor[] {inputs(rng, true, 3, 4)}));
        cases.add(Arguments.of("elu alpha 2",
                (Function<List<Variable>, Variable>) v -> Elu.apply(v.get(0), 2.0), new Tensor[] {inputs(rng, true, 3, 4)}));
        return cases.stream();
    }

    /** Normals of spread 2; for ops with a kink at 0, moved 0.1 further from it. */
    private static Tensor inputs(Rng rng, boolean awayFromZero, int... shape) {
        Tensor t = normal(rng, shape).mul(2);
        if (awayFromZero) {
            for (int i = 0; i < t.size(); i++) {
                double x = t.getFlat(i);
                t.setFlat(i, x + (x < 0 ? -0.1 : 0.1));
            }
        }
        return t;
    }

    private static Tensor normal(Rng rng, int... shape) {
        return rng.normal(0f, 1f, shape).to(DType.FLOAT64);
    }
}
