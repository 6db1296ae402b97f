package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.loss.MeanSquaredError;
import dev.temper.optim.Optimizer;
import dev.temper.optim.Sgd;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Why weights are initialized randomly: the symmetry problem (Goodfellow, Bengio and Courville, Deep Learning,
 * 2016, section 8.4). A Dense-ReLU-Dense network whose hidden layer starts with every weight equal computes the
 * same value in every hidden unit, so every unit receives the same gradient and gradient descent can never tell
 * them apart: the hidden layer behaves as a single unit however wide it is.
 *
 * <p>Why constant 0.3 and not zeros: with all-zero weights in both layers, every hidden activation is 0 and the
 * output layer's zero weights send no gradient back, so nothing would move at all. Constant, non-zero weights in
 * both layers show the subtler failure: the weights do change, but stay identical across units. Inputs are shifted
 * positive so that most ReLUs are active (an inactive ReLU passes no gradient either).
 */
class SymmetryBreakingTest {
    private static final int INPUTS = 3;
    private static final int HIDDEN = 5;
    private static final int STEPS = 25;

    @Test
    void constantInitializationKeepsHiddenUnitsIdenticalWhileTheyLearn() {
        Rng rng = new Rng(21);
        Dense hidden = new Dense(INPUTS, HIDDEN, Initializer.constant(0.3), Initializer.zeros(), rng);
        Dense output = new Dense(HIDDEN, 2, Initializer.constant(0.2), Initializer.zeros(), rng);
        train(new Sequential(hidden, new ReLU(), output));

        Tensor w = hidden.kernel().value(); // [inputs, hidden]: column j holds unit j's incoming weights
        double moved = 0;
        for (int i = 0; i < INPUTS; i++) {
            for (int j = 0; j < HIDDEN; j++) {
                moved = Math.max(moved, Math.abs(w.get(i, j) - 0.3));
                // Identical up to float32 rounding inside the BLAS kernels (exactly equal in exact arithmetic).
                assertTrue(Math.abs(w.get(i, j) - w.get(i, 0)) <= 1e-6,
                        "hidden unit " + j + " differs from unit 0 at input " + i + ": " + w.get(i, j) + " vs " + w.get(i, 0));
            }
        }
        assertTrue(moved > 1e-2, "the hidden weights must have been trained, largest change " + moved);
        Tensor v = output.kernel().value(); // [hidden, outputs]: row j holds unit j's outgoing weights
        for (int j = 0; j < HIDDEN; j++) {
            for (int k = 0; k < 2; k++) {
                assertTrue(Math.abs(v.get(j, k) - v.get(0, k)) <= 1e-6, "outgoing weights of unit " + j + " differ from unit 0");
            }
        }
    }

    @Test
    void glorotInitializationGivesDistinctHiddenUnits() {
        Rng rng = new Rng(21);
        Dense hidden = new Dense(INPUTS, HIDDEN, Initializer.glorotUniform(), Initializer.zeros(), rng);
        Dense output = new Dense(HIDDEN, 2, Initializer.glorotUniform(), Initializer.zeros(), rng);
        train(new Sequential(hidden, new ReLU(), output));

        Tensor w = hidden.kernel().value();
        for (int a = 0; a < HIDDEN; a++) {
            for (int b = a + 1; b < HIDDEN; b++) {
                double difference = 0;
                for (int i = 0; i < INPUTS; i++) {
                    difference = Math.max(difference, Math.abs(w.get(i, a) - w.get(i, b)));
                }
                assertTrue(difference > 1e-2, "hidden units " + a + " and " + b + " ended up alike: " + difference);
            }
        }
    }

    /** Full-batch SGD on a fixed regression problem. */
    private static void train(Sequential model) {
        Rng data = new Rng(22);
        Tensor x = data.normal(1f, 1f, 16, INPUTS);
        Tensor y = data.normal(0f, 1f, 16, 2);
        Map<String, Parameter> parameters = model.namedParameters();
        Optimizer sgd = new Sgd(0.05, 0, false).build();
        MeanSquaredError loss = new MeanSquaredError();
        Rng forward = new Rng(23);
        for (int step = 0; step < STEPS; step++) {
            Optimizer.zeroGrad(parameters);
            Variable prediction = model.forward(Variable.constant(x), ForwardContext.training(forward));
            loss.compute(prediction, y).backward();
            sgd.step(parameters);
        }
    }
}
