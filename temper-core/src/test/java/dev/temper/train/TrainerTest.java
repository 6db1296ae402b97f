package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Parameter;
import dev.temper.data.Dataset;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dense;
import dev.temper.nn.Dropout;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.optim.Sgd;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /** Three Gaussian blobs in 20 dimensions (fixed centers), well separated: a learnable, seeded toy problem. */
    static Dataset blobs(int n, long seed) {
        Tensor centers = new Rng(99).normal(0f, 3f, 3, 20);
        Rng rng = new Rng(seed);
        float[] x = new float[n * 20];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(3);
            y[i] = c;
            for (int j = 0; j < 20; j++) {
                x[i * 20 + j] = (float) (centers.get(c, j) + rng.nextGaussian());
            }
        }
        return new Dataset(Tensor.wrap(x, n, 20), Tensor.wrap(y, n));
    }

    private record Run(History history, Map<String, Parameter> weights) {}

    private static Run train(long seed, int batchSize) {
        Rng rng = new Rng(seed);
        Sequential model = new Sequential(new Dense(20, 64, rng), new ReLU(), new Dropout(0.3), new Dense(64, 3, rng));
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), Adam.defaults().build());
        History h = trainer.fit(blobs(600, 1), blobs(200, 2), 3, batchSize, rng, EpochListener.none());
        return new Run(h, model.namedParameters());
    }

    private static List<double[]> figures(History h) {
        List<double[]> out = new ArrayList<>();
        for (EpochRecord r : h.epochs()) {
            out.add(new double[] {r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy()});
        }
        return out;
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndHistory() {
        Run a = train(11, 32);
        Run b = train(11, 32);
        for (int e = 0; e < 3; e++) {
            assertArrayEquals(figures(a.history()).get(e), figures(b.history()).get(e), 0.0);
        }
        for (String name : a.weights().keySet()) {
            assertTrue(a.weights().get(name).value().contentEquals(b.weights().get(name).value()), name);
        }
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        Run a = train(11, 32);
        Run b = train(12, 32);
        assertFalse(a.weights().get("dense_1.kernel").value().contentEquals(b.weights().get("dense_1.kernel").value()));
    }

    @Test
    void learnsSeparableBlobs() {
        Run run = train(5, 32);
        EpochRecord last = run.history().last();
        assertTrue(last.validationAccuracy() > 0.95, "validation accuracy " + last.validationAccuracy());
        assertTrue(last.trainLoss() < run.history().epochs().get(0).trainLoss());
    }

    @Test
    void onlineAndFullBatchTrainingBothRun() {
        Rng rng = new Rng(3);
        Dataset data = blobs(64, 3);
        for (int batch : new int[] {1, 64}) {
            Sequential model = new Sequential(new Dense(20, 8, rng), new ReLU(), new Dense(8, 3, rng));
            Trainer trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Sgd(0.05, 0, false).build());
            History h = trainer.fit(data, null, 2, batch, rng, EpochListener.none());
            assertEquals(2, h.epochs().size());
            assertTrue(Double.isNaN(h.last().validationLoss()));
            assertTrue(Double.isFinite(h.last().trainLoss()));
        }
    }

    @Test
    void evaluateAndPredictAgree() {
        Rng rng = new Rng(9);
        Dataset data = blobs(50, 4);
        Sequential model = new Sequential(new Dense(20, 3, rng));
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), Adam.defaults().build());
        Tensor scores = trainer.predict(data.features(), 7);
        assertArrayEquals(new int[] {50, 3}, scores.dims());
        Evaluation eval = trainer.evaluate(data, 13);
        assertEquals(dev.temper.metric.Accuracy.of(scores, data.targets()), eval.accuracy(), 1e-12);
        assertEquals(50, eval.examples());
    }

    @Test
    void historyCsvHasAHeaderAndARowPerEpoch() {
        String[] lines = train(11, 64).history().toCsv().split("\n");
        assertEquals("epoch,train_loss,train_penalty,train_total_loss,train_accuracy,val_loss,val_accuracy,seconds", lines[0]);
        assertEquals(4, lines.length);
        assertTrue(lines[3].startsWith("3,"));
    }
}
