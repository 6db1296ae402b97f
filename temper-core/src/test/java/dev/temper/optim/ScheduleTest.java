package dev.temper.optim;

import static dev.temper.fixtures.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.temper.autograd.Parameter;
import dev.temper.fixtures.Fixtures;
import dev.temper.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each schedule's first 30 rates against {@code src/test/fixtures/optimizers.py} (same arguments there). */
class ScheduleTest {
    private static final Map<String, double[]> REFERENCE = Fixtures.load("schedules.txt");

    private static Map<String, Schedule> schedules() {
        Map<String, Schedule> s = new LinkedHashMap<>();
        s.put("step", new StepDecay(0.1, 7, 0.5));
        s.put("multistep", new MultiStepDecay(0.1, new long[] {5, 12, 20}, 0.3));
        s.put("exponential", new ExponentialDecay(0.1, 0.9));
        s.put("cosine", new CosineAnnealing(0.1, 20, 0.001));
        s.put("cosine_restarts", new CosineWarmRestarts(0.1, 4, 2, 0.001));
        s.put("cosine_restarts_constant_period", new CosineWarmRestarts(0.1, 6, 1, 0.0));
        s.put("warmup_cosine", new LinearWarmup(5, 0.1, new CosineAnnealing(0.1, 25, 0.0)));
        s.put("one_cycle", OneCycle.defaults(0.1, 30));
        s.put("polynomial", new PolynomialDecay(0.1, 20, 2.0, 0.001));
        return s;
    }

    static Stream<Arguments> names() {
        return schedules().keySet().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void matchesTheReferenceRates(String name) {
        Schedule schedule = schedules().get(name);
        double[] expected = REFERENCE.get(name);
        double[] actual = new double[expected.length];
        for (int t = 0; t < actual.length; t++) {
            actual[t] = schedule.learningRate(t);
        }
        assertClose(expected, actual, 1e-12, name);
    }

    @Test
    void theOptimizerEvaluatesItsScheduleAtTheStepsAlreadyTaken() {
        Schedule schedule = new ExponentialDecay(0.5, 0.5);
        Optimizer optimizer = new Sgd(0.1, 0, false).build().setSchedule(schedule);
        Parameter p = new Parameter("w", Tensor.of(new double[] {0.0}, 1));
        double expected = 0;
        for (int t = 1; t <= 4; t++) {
            assertEquals(schedule.learningRate(t - 1), optimizer.learningRate());
            p.zeroGrad();
            p.accumulateGrad(Tensor.of(new double[] {1.0}, 1)); // gradient 1: each step moves by -rate
            optimizer.step(Map.of("w", p));
            expected -= schedule.learningRate(t - 1);
            assertEquals(expected, p.value().getFlat(0), 1e-15);
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheScheduleTheArgumentAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StepDecay(0.1, 0, 0.5));
        assertEquals("StepDecay: stepSize must be > 0, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(0.1, 1.5));
        assertEquals("ExponentialDecay: gamma must be in (0, 1], got 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MultiStepDecay(0.1, new long[] {5, 5}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new OneCycle(0.1, 30, 1.2, 25, 1e4));
        assertThrows(IllegalArgumentException.class, () -> new CosineAnnealing(-1, 10, 0));
    }
}
