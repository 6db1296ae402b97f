package dev.temper.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.data.Dataset;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dense;
import dev.temper.nn.Dropout;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Sgd;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import dev.temper.train.Monitor;
import dev.temper.train.MonitorMode;
import dev.temper.train.Trainer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TrainingObjectiveTest {
    private static final SearchSpace SPACE = SearchSpace.of(FloatRange.logUniform("learning_rate", 1e-3, 1e3), IntegerRange.uniform("width", 8, 64));

    /** Two Gaussian blobs in 20 dimensions, 400 points: enough for GEMMs that the kernel pool splits across threads. */
    private static Dataset data(long seed) {
        Rng rng = new Rng(seed);
        Tensor x = rng.normal(0, 1, 400, 20);
        Tensor y = Tensor.zeros(400);
        for (int i = 0; i < 400; i++) {
            int label = i % 2;
            y.set(label, i);
            x.set(x.get(i, 0) + 2.0 * label, i, 0);
        }
        return new Dataset(x, y);
    }

    private static final Dataset TRAIN = data(1);
    private static final Dataset VALIDATION = data(2);

    private static TrainingObjective objective() {
        return new TrainingObjective((c, rng) -> {
            int w = c.intValue("width");
            Sequential model = new Sequential(new Dense(20, w, rng), new ReLU(), new Dropout(0.3), new Dense(w, 2, rng));
            Trainer trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Sgd(c.doubleValue("learning_rate"), 0.9, false).build());
            return new TrainingObjective.Setup(trainer, TRAIN, VALIDATION, 32);
        }, Monitor.of("val_loss", MonitorMode.AUTO));
    }

    private static double[] curve(Configuration c, long seed, int epochs) throws Exception {
        TrialRun run = objective().start(c, seed);
        double[] out = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            out[i] = run.advance();
        }
        return out;
    }

    @Test
    void aContinuedRunGivesTheSameValuesAsOneRunFromScratch() throws Exception {
        Configuration c = new Configuration(java.util.Map.of("learning_rate", 0.05, "width", 32));
        double[] whole = curve(c, 7, 4);
        double[] again = curve(c, 7, 4);
        assertArrayEquals(whole, again, 0.0);
        assertTrue(whole[3] < whole[0], "it learns: " + java.util.Arrays.toString(whole));
        double[] other = curve(c, 8, 4);
        assertTrue(other[0] != whole[0], "another trial seed, another run");
    }

    /** Several training threads at once share the kernel pool (a busy pool makes a caller run its loop alone). */
    @Test
    void trialsTrainedOnParallelThreadsGiveTheSameBitsAsOneAtATime() throws Exception {
        Configuration[] configs = new Configuration[4];
        double[][] alone = new double[4][];
        for (int i = 0; i < 4; i++) {
            configs[i] = new Configuration(java.util.Map.of("learning_rate", 0.01 * (i + 1), "width", 16 * (i + 1)));
            alone[i] = curve(configs[i], 100 + i, 3);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int repeat = 0; repeat < 2; repeat++) {
                @SuppressWarnings("unchecked")
                Future<double[]>[] futures = new Future[4];
                for (int i = 0; i < 4; i++) {
                    int k = i;
                    futures[i] = pool.submit(() -> curve(configs[k], 100 + k, 3));
                }
                for (int i = 0; i < 4; i++) {
                    assertArrayEquals(alone[i], futures[i].get(), 0.0, "trial " + i);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDivergingTrainingRunFailsTheTrialWithTheEpochNamed() {
        StudyResult r = Study.builder(SPACE, new GridSearch(SearchSpace.of(Categorical.of("learning_rate", 0.05, 1e3),
                Categorical.of("width", 16)), 1, 3), objective()).direction(Direction.MINIMIZE).build().run();
        Trial fine = r.history().trial(0);
        Trial diverged = r.history().trial(1);
        assertEquals(TrialState.COMPLETE, fine.state());
        assertEquals(TrialState.FAILED, diverged.state());
        assertTrue(diverged.reason().contains("diverged") && diverged.reason().contains("epoch"), diverged.reason());
        assertThrows(IllegalArgumentException.class, () -> new TrainingObjective.Setup(null, TRAIN, null, 1));
    }
}
