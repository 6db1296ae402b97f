package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Selector;
import dev.temper.autograd.Variable;
import dev.temper.data.Dataset;
import dev.temper.loss.MeanSquaredError;
import dev.temper.nn.Dense;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Sgd;
import dev.temper.regularize.Constraints;
import dev.temper.regularize.L1;
import dev.temper.regularize.L2;
import dev.temper.regularize.MaxNorm;
import dev.temper.regularize.PostStep;
import dev.temper.regularize.ProximalL1;
import dev.temper.regularize.Regularization;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regularization in real training runs, on a small noisy regression made to overfit: 20 training points, 18
 * standard-normal inputs of which only the first 3 matter ({@code y = 2 x0 - 3 x1 + 1.5 x2 + noise}, noise
 * standard deviation 1), fitted by a linear model with 19 parameters using full-batch plain SGD ({@link Sgd},
 * learning rate 0.05, 1500 steps). Unregularized, it nearly interpolates the noise (train MSE ~0.04) and its
 * validation MSE (on 1000 fresh points) is ~18, far above the noise floor of 1. Everything is seeded; the
 * thresholds below leave a wide margin around the measured values, which are quoted next to them.
 */
class RegularizedTrainingTest {
    static final int INPUTS = 18;
    static final double[] TRUE_WEIGHTS = {2, -3, 1.5};
    static final double NOISE = 1.0;
    static final int EPOCHS = 1500;
    static final double LEARNING_RATE = 0.05;

    static Dataset regression(int n, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n * INPUTS];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double target = 0;
            for (int j = 0; j < INPUTS; j++) {
                x[i * INPUTS + j] = (float) rng.nextGaussian();
                target += j < TRUE_WEIGHTS.length ? TRUE_WEIGHTS[j] * x[i * INPUTS + j] : 0;
            }
            y[i] = (float) (target + NOISE * rng.nextGaussian());
        }
        return new Dataset(Tensor.wrap(x, n, INPUTS), Tensor.wrap(y, n));
    }

    static final Dataset TRAIN = regression(20, 1);
    static final Dataset VALIDATION = regression(1000, 2);

    private record Run(History history, Map<String, Parameter> parameters) {
        double[] kernel() {
            return parameters.get("dense_1.kernel").value().toDoubleArray();
        }

        double kernelNorm() {
            return Math.sqrt(parameters.get("dense_1.kernel").value().square().sum().item());
        }

        double validationLoss() {
            return history.last().validationLoss();
        }
    }

    private static Trainer linearTrainer(Sequential model) {
        return new Trainer(model, new MeanSquaredError(), new Sgd(LEARNING_RATE, 0, false).build());
    }

    private static Run linear(long seed, int epochs, Regularization regularization, PostStep... postSteps) {
        Rng rng = new Rng(seed);
        Sequential model = new Sequential(new Dense(INPUTS, 1, rng));
        Trainer trainer = linearTrainer(model).withRegularization(regularization);
        for (PostStep step : postSteps) {
            trainer = trainer.withPostStep(step);
        }
        History h = trainer.fit(TRAIN, VALIDATION, epochs, TRAIN.size(), rng, EpochListener.none());
        return new Run(h, model.namedParameters());
    }

    private static int exactZerosAmongIrrelevant(double[] kernel) {
        int zeros = 0;
        for (int j = TRUE_WEIGHTS.length; j < INPUTS; j++) {
            zeros += kernel[j] == 0.0 ? 1 : 0;
        }
        return zeros;
    }

    @Test
    void baselineOverfits() {
        Run base = linear(7, EPOCHS, Regularization.none());
        // measured: train 0.043, validation 18.0
        assertTrue(base.history().last().trainLoss() < 0.2, "train " + base.history().last().trainLoss());
        assertTrue(base.validationLoss() > 5, "validation " + base.validationLoss());
    }

    @Test
    void l2PenaltyLowersTheWeightNormAndTheValidationLoss() {
        Run base = linear(7, EPOCHS, Regularization.none());
        Run l2 = linear(7, EPOCHS, Regularization.of("l2_weights", Selector.weights(), new L2(0.1)));
        // measured: norm 4.75 -> 3.49, validation 18.0 -> 4.67
        assertTrue(l2.kernelNorm() < 0.9 * base.kernelNorm(), l2.kernelNorm() + " vs " + base.kernelNorm());
        assertTrue(l2.validationLoss() < 0.5 * base.validationLoss(), l2.validationLoss() + " vs " + base.validationLoss());
    }

    @Test
    void proximalL1ZeroesMostIrrelevantWeightsExactlyAndKeepsTheRelevantOnes() {
        // measured: 13 of the 15 irrelevant weights exactly 0; relevant 1.58, -2.77, 1.43; validation 1.39 (vs 18.0);
        // the subgradient penalty of the same strength leaves no exact zero
        Run prox = linear(7, EPOCHS, Regularization.none(), ProximalL1.ofWeights(0.5));
        double[] w = prox.kernel();
        int zeros = exactZerosAmongIrrelevant(w);
        assertTrue(zeros >= (INPUTS - TRUE_WEIGHTS.length + 1) / 2, zeros + " exact zeros among 15 irrelevant weights");
        for (int j = 0; j < TRUE_WEIGHTS.length; j++) {
            assertTrue(Math.signum(w[j]) == Math.signum(TRUE_WEIGHTS[j]) && Math.abs(w[j]) > 0.5, "relevant weight " + j + ": " + w[j]);
        }
        // The same strength as a subgradient penalty in the loss makes weights hover around zero, not reach it.
        Run subgradient = linear(7, EPOCHS, Regularization.of("l1", Selector.weights(), new L1(0.5)));
        assertTrue(exactZerosAmongIrrelevant(subgradient.kernel()) < zeros,
                exactZerosAmongIrrelevant(subgradient.kernel()) + " vs " + zeros);
        assertTrue(prox.validationLoss() < linear(7, EPOCHS, Regularization.none()).validationLoss());
    }

    @Test
    void maxNormHoldsAfterEveryStep() {
        double maxValue = 0.5;
        double[] largestSeen = {0};
        int[] steps = {0};
        PostStep check = (parameters, learningRate) -> {
            steps[0]++;
            for (Map.Entry<String, ? extends Variable> e : parameters.entrySet()) {
                Tensor w = e.getValue().value();
                if (w.rank() >= 2) {
                    for (double norm : w.square().sum(false, 0).sqrt().toDoubleArray()) {
                        largestSeen[0] = Math.max(largestSeen[0], norm);
                        // float32 rounding of w * (max / norm) may land a few ulps above the bound
                        assertTrue(norm <= maxValue * (1 + 1e-6), "step " + steps[0] + " " + e.getKey() + ": column norm " + norm);
                    }
                }
            }
        };
        Map<String, Parameter> constrained = mlp(3, check, Constraints.of(Selector.weights(), new MaxNorm(maxValue, 0)));
        assertEquals(100 * 4, steps[0]); // 100 epochs of 4 batches of 5
        assertTrue(largestSeen[0] > maxValue * 0.99, "the bound is reached: " + largestSeen[0]);
        // measured: largest column norm 0.50000006 with the constraint, 2.16 without it
        double[] unconstrained = {0};
        mlp(3, (parameters, lr) -> {
            double[] norms = parameters.get("dense_1.kernel").value().square().sum(false, 0).sqrt().toDoubleArray();
            for (double n : norms) {
                unconstrained[0] = Math.max(unconstrained[0], n);
            }
        }, null);
        assertTrue(unconstrained[0] > 2 * maxValue, "without the constraint the bound is exceeded: " + unconstrained[0]);
        assertTrue(constrained.get("dense_2.kernel").value().square().sum().item() > 0);
    }

    /** An 18-16-1 ReLU network trained by SGD, with {@code constraint} (if any) then {@code check} after each step. */
    private static Map<String, Parameter> mlp(long seed, PostStep check, PostStep constraint) {
        Rng rng = new Rng(seed);
        Sequential model = new Sequential(new Dense(INPUTS, 16, rng), new ReLU(), new Dense(16, 1, rng));
        Trainer trainer = new Trainer(model, new MeanSquaredError(), new Sgd(0.05, 0, false).build());
        if (constraint != null) {
            trainer = trainer.withPostStep(constraint);
        }
        trainer.withPostStep(check).fit(TRAIN, null, 100, 5, rng, EpochListener.none());
        return model.namedParameters();
    }

    @Test
    void historyReportsDataLossAndPenaltySeparately() {
        Regularization l2 = Regularization.of("l2_weights", Selector.weights(), new L2(0.1));
        // The first epoch's single full batch is measured at the initial weights: same seed, same initial kernel.
        Tensor initial = new Dense(INPUTS, 1, new Rng(7)).kernel().value();
        double expectedPenalty = 0.1 * initial.square().sum().item();
        Run run = linear(7, 3, l2);
        EpochRecord first = run.history().epochs().get(0);
        assertEquals(expectedPenalty, first.trainPenalty(), 1e-6 * expectedPenalty);
        assertEquals(first.trainLoss() + first.trainPenalty(), first.trainTotalLoss(), 0.0);

        Run plain = linear(7, 3, Regularization.none());
        assertEquals(0.0, plain.history().last().trainPenalty(), 0.0);
        // Before any step the data loss is the same with or without the penalty: trainLoss excludes the penalty.
        assertEquals(plain.history().epochs().get(0).trainLoss(), first.trainLoss(), 0.0);

        assertTrue(plain.history().last().penaltyTerms().isEmpty());

        Run both = linear(7, 1, l2, ProximalL1.ofWeights(0.5));
        double l1Initial = 0.5 * initial.abs().sum().item();
        EpochRecord r = both.history().last();
        assertEquals(java.util.List.of("l2_weights", ProximalL1.TERM), java.util.List.copyOf(r.penaltyTerms().keySet()));
        assertEquals(l1Initial, r.penaltyTerms().get(ProximalL1.TERM), 1e-6 * l1Initial);
        assertEquals(expectedPenalty, r.penaltyTerms().get("l2_weights"), 1e-6 * expectedPenalty);
        assertEquals(expectedPenalty + l1Initial, r.trainPenalty(), 1e-6 * (expectedPenalty + l1Initial));

        String[] csv = both.history().toCsv().split("\n");
        assertEquals("epoch,train_loss,train_penalty,train_total_loss,train_accuracy,val_loss,val_accuracy,seconds"
                + ",penalty_l2_weights,penalty_proximal_l1", csv[0]);
        String[] row = csv[1].split(",", -1);
        assertEquals(r.trainPenalty(), Double.parseDouble(row[2]), 0.0);
        assertEquals(r.trainTotalLoss(), Double.parseDouble(row[3]), 0.0);
        assertEquals("", row[4]); // no accuracy for a regression loss
        assertEquals(r.penaltyTerms().get("l2_weights"), Double.parseDouble(row[8]), 0.0);
        assertEquals(r.penaltyTerms().get(ProximalL1.TERM), Double.parseDouble(row[9]), 0.0);
        assertEquals("epoch,train_loss,train_penalty,train_total_loss,train_accuracy,val_loss,val_accuracy,seconds",
                plain.history().toCsv().split("\n")[0]);
    }

    /**
     * Keras's L2(lambda) under plain SGD is PyTorch's {@code weight_decay = 2 lambda}: one step gives
     * {@code w - lr (g + 2 lambda w)}, with g the data-loss gradient (hand-worked from the update rule).
     */
    @Test
    void l2PenaltyUnderSgdIsPyTorchWeightDecayOfTwiceLambda() {
        double lambda = 0.3;
        double lr = 0.1;
        Sequential model = new Sequential(new Dense(INPUTS, 1, new Rng(5)));
        Map<String, Parameter> p = model.namedParameters();
        Tensor w0 = p.get("dense_1.kernel").value().copy();
        Dataset batch = regression(8, 9);
        // data-loss gradient alone
        Variable dataLoss = new MeanSquaredError().compute(
                model.forward(Variable.constant(batch.features()), dev.temper.nn.ForwardContext.inference()), batch.targets());
        dataLoss.backward();
        Tensor g = p.get("dense_1.kernel").grad().copy();
        // one full-batch epoch of the trainer with the penalty
        Trainer trainer = new Trainer(model, new MeanSquaredError(), new Sgd(lr, 0, false).build())
                .withRegularization(Regularization.of("l2", Selector.weights(), new L2(lambda)));
        trainer.fit(batch, null, 1, batch.size(), new Rng(1), EpochListener.none());
        Tensor expected = w0.sub(g.add(w0.mul(2 * lambda)).mul(lr));
        assertArrayEquals(expected.toDoubleArray(), p.get("dense_1.kernel").value().toDoubleArray(), 1e-6);
    }

    @Test
    void regularizedRunsAreBitReproducible() {
        Regularization l2 = Regularization.of("l2_weights", Selector.weights(), new L2(0.1));
        Run a = linear(11, 50, l2, ProximalL1.ofWeights(0.1), Constraints.of(Selector.weights(), MaxNorm.defaults()));
        Run b = linear(11, 50, l2, ProximalL1.ofWeights(0.1), Constraints.of(Selector.weights(), MaxNorm.defaults()));
        assertArrayEquals(a.kernel(), b.kernel(), 0.0);
        assertEquals(a.history().last().trainPenalty(), b.history().last().trainPenalty(), 0.0);
        assertNotEquals(0.0, a.history().last().trainPenalty());
    }
}
