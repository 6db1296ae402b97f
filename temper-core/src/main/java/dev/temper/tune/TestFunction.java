package dev.temper.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Standard test functions of global optimization with known minima, to measure how fast a strategy gets close
 * (definitions and optima as in Surjanovic and Bingham's Virtual Library of Simulation Experiments, and Jones,
 * Schonlau and Welch 1998, who used both).
 *
 * @param space the domain, one float range per coordinate {@code x1, x2, ...}
 * @param minimum the global minimum's value
 */
public record TestFunction(String name, SearchSpace space, ToDoubleFunction<double[]> function, double minimum) {

    /** The function at a configuration of its space. */
    public double evaluate(Configuration c) {
        int d = space.parameters().size();
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = c.doubleValue("x" + (i + 1));
        }
        return function.applyAsDouble(x);
    }

    public Objective objective() {
        return Objective.of(this::evaluate);
    }

    /** Whether {@code value} is within {@code fraction} of the minimum: {@code value - min <= fraction |min|}. */
    public boolean within(double value, double fraction) {
        return value - minimum <= fraction * Math.abs(minimum);
    }

    /**
     * Branin-Hoo on {@code [-5, 10] x [0, 15]}: {@code (x2 - 5.1 x1^2 / (4 pi^2) + 5 x1 / pi - 6)^2
     * + 10 (1 - 1 / (8 pi)) cos x1 + 10}; three global minima of 0.397887 (at (-pi, 12.275), (pi, 2.275),
     * (9.42478, 2.475)).
     */
    public static TestFunction branin() {
        SearchSpace space = SearchSpace.of(FloatRange.uniform("x1", -5, 10), FloatRange.uniform("x2", 0, 15));
        return new TestFunction("Branin", space, x -> {
            double a = x[1] - 5.1 / (4 * Math.PI * Math.PI) * x[0] * x[0] + 5 / Math.PI * x[0] - 6;
            return a * a + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x[0]) + 10;
        }, 0.397887357729738);
    }

    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] HARTMANN_A = {
        {10, 3, 17, 3.5, 1.7, 8},
        {0.05, 10, 17, 0.1, 8, 14},
        {3, 3.5, 1.7, 10, 17, 8},
        {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] HARTMANN_P = {
        {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
        {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
        {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
        {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    /**
     * Hartmann-6 on {@code [0, 1]^6}: {@code -sum_i alpha_i exp(-sum_j A_ij (x_j - P_ij)^2)}; global minimum
     * -3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573).
     */
    public static TestFunction hartmann6() {
        List<Hyperparameter> ps = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ps.add(FloatRange.uniform("x" + i, 0, 1));
        }
        return new TestFunction("Hartmann-6", SearchSpace.of(ps), x -> {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double t = x[j] - HARTMANN_P[i][j];
                    inner += HARTMANN_A[i][j] * t * t;
                }
                sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        }, -3.322368011415515);
    }
}
