package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.data.Dataset;
import dev.temper.loss.MeanSquaredError;
import dev.temper.nn.Dense;
import dev.temper.nn.Lstm;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * An LSTM learns the adding problem (Hochreiter and Schmidhuber 1997, experiment 4): each step carries a value drawn
 * uniformly from [0, 1) and a marker; exactly two steps are marked, one in each half of the sequence, and the target
 * is the sum of the two marked values. The answer depends on inputs many steps back, so a model that cannot carry
 * information through time is stuck at the best constant, the mean 1.0, whose MSE is the variance of a sum of two
 * independent U(0, 1) values: 2/12 = 0.167. We require a held-out MSE below 0.01, a sixteenth of that baseline:
 * reaching it needs both marked values to be recalled (a model that kept only the later one would be left with the
 * other's variance, 1/12 = 0.083). At the time of writing this seed reaches about 0.001 after 12 epochs, so the
 * threshold has a tenfold margin. Sequences of T = 20 keep the run to a few seconds; everything is seeded, so the
 * result is deterministic.
 */
class LstmAddingProblemTest {
    private static final int TIME = 20;

    /** {@code n} sequences {@code [n, TIME, 2]} (value, marker) with targets {@code [n, 1]}. */
    static Dataset addingProblem(int n, Rng rng) {
        Tensor x = Tensor.zeros(n, TIME, 2);
        Tensor y = Tensor.zeros(n, 1);
        int half = TIME / 2;
        for (int i = 0; i < n; i++) {
            int first = rng.nextInt(half);
            int second = half + rng.nextInt(TIME - half);
            double sum = 0;
            for (int t = 0; t < TIME; t++) {
                double value = rng.nextDouble();
                x.set(value, i, t, 0);
                if (t == first || t == second) {
                    x.set(1.0, i, t, 1);
                    sum += (float) value; // the float32 value the network sees
                }
            }
            y.set(sum, i, 0);
        }
        return new Dataset(x, y);
    }

    @Test
    void lstmLearnsToAddTheTwoMarkedValues() {
        Rng rng = new Rng(1997L);
        Dataset train = addingProblem(2000, rng.split());
        Dataset test = addingProblem(500, rng.split());
        Sequential model = new Sequential(new Lstm(2, 16, false, rng.split()), new Dense(16, 1, rng.split()));
        Trainer trainer = new Trainer(model, new MeanSquaredError(), Adam.defaults().withLearningRate(0.01).build());

        double constantBaseline = baselineMse(test);
        assertTrue(constantBaseline > 0.12, "the trivial baseline on this sample is near 1/6: " + constantBaseline);

        trainer.fit(train, null, 12, 32, rng.split(), EpochListener.none());
        double testMse = trainer.evaluate(test, 256).loss();
        assertTrue(testMse < 0.01, "held-out MSE " + testMse + " (constant-1.0 baseline " + constantBaseline + ")");
    }

    @Test
    void trainingIsDeterministicForAFixedSeed() {
        double[] losses = new double[2];
        for (int run = 0; run < 2; run++) {
            Rng rng = new Rng(7L);
            Dataset train = addingProblem(256, rng.split());
            Sequential model = new Sequential(new Lstm(2, 8, false, rng.split()), new Dense(8, 1, rng.split()));
            Trainer trainer = new Trainer(model, new MeanSquaredError(), Adam.defaults().withLearningRate(0.01).build());
            trainer.fit(train, null, 2, 32, rng.split(), EpochListener.none());
            losses[run] = trainer.evaluate(train, 256).loss();
        }
        assertEquals(losses[0], losses[1], 0.0, "same seed, same bits");
    }

    private static double baselineMse(Dataset data) {
        double sum = 0;
        double[] y = data.targets().toDoubleArray();
        for (double v : y) {
            sum += (v - 1.0) * (v - 1.0);
        }
        return sum / y.length;
    }
}
