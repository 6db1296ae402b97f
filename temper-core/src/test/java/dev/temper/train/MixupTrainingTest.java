package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Variable;
import dev.temper.data.Batch;
import dev.temper.data.Dataset;
import dev.temper.data.GaussianNoise;
import dev.temper.data.MixedBatch;
import dev.temper.data.Mixup;
import dev.temper.data.MixupDraw;
import dev.temper.loss.CategoricalCrossEntropy;
import dev.temper.loss.Loss;
import dev.temper.loss.MeanSquaredError;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dense;
import dev.temper.nn.Dropout;
import dev.temper.nn.ForwardContext;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.optim.Optimizer;
import dev.temper.optim.Sgd;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Trainer#withMixup}: the loss it minimizes is lambda L(out, y) + (1 - lambda) L(out, y_partner) on the mixed
 * features (checked against a hand computation, no gradients involved), which for cross-entropy is the paper's loss
 * on mixed one-hot targets and for squared error differs from it by a constant; the same seed gives the same bits;
 * and it trains.
 */
class MixupTrainingTest {
    private static final int N = 48;
    private static final Dataset DATA = TrainerTest.blobs(N, 3);

    /** Mean over rows of -log softmax(logits_i)[label_i], in double, from the definition. */
    private static double crossEntropy(float[] logits, int classes, float[] labels) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[i * classes + c]);
            }
            double z = 0;
            for (int c = 0; c < classes; c++) {
                z += Math.exp(logits[i * classes + c] - max);
            }
            sum -= logits[i * classes + (int) labels[i]] - max - Math.log(z);
        }
        return sum / labels.length;
    }

    private static int argmax(float[] row, int offset, int length) {
        int best = 0;
        for (int c = 1; c < length; c++) {
            if (row[offset + c] > row[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    @Test
    void theLossTrainedIsTheWeightedSumOfTheLossesAgainstBothTargetSets() {
        Rng rng = new Rng(5);
        Sequential model = new Sequential(new Dense(20, 3, rng)); // no dropout: the training pass is the inference pass
        Mixup mixup = new Mixup(0.4);
        // The trainer's draws, replayed: its streams are split off the run's generator in the order shuffle, layers,
        // mixup (TrainingStreams), and one batch of N is the whole shuffled set.
        long[] atFit = rng.state();
        int[] order = stream(atFit, 0).permutation(N);
        float[] x = DATA.features().gatherRows(order).toFloatArray();
        float[] y = DATA.targets().gatherRows(order).toFloatArray();
        MixupDraw draw = mixup.draw(N, stream(atFit, 2));
        double lambda = draw.lambda();
        int[] partners = draw.partners();
        assertTrue(lambda > 0.05 && lambda < 0.95, "the scenario needs both terms to matter, got lambda " + lambda);

        // the features mixed by hand, the loss from the definition, before the step moves the weights
        float[] mixed = new float[x.length];
        float[] yPartner = new float[N];
        for (int i = 0; i < N; i++) {
            yPartner[i] = y[partners[i]];
            for (int j = 0; j < 20; j++) {
                mixed[i * 20 + j] = (float) lambda * x[i * 20 + j] + (float) (1 - lambda) * x[partners[i] * 20 + j];
            }
        }
        float[] logits = model.forward(Variable.constant(Tensor.wrap(mixed, N, 20)), ForwardContext.inference()).value()
                .toFloatArray();
        double expectedLoss = lambda * crossEntropy(logits, 3, y) + (1 - lambda) * crossEntropy(logits, 3, yPartner);
        int correct = 0;
        for (int i = 0; i < N; i++) {
            correct += argmax(logits, i * 3, 3) == (int) y[i] ? 1 : 0;
        }

        History h = new Trainer(model, new SoftmaxCrossEntropyLoss(), new Sgd(0.1, 0, false).build()).withMixup(mixup)
                .fit(DATA, null, 1, N, rng);
        assertEquals(expectedLoss, h.last().trainLoss(), 1e-5 * expectedLoss);
        // training accuracy: the outputs for the mixed features against each row's own (first) targets
        assertEquals((double) correct / N, h.last().trainAccuracy());

        // cross-entropy is linear in the target: the same value as the paper's loss on mixed one-hot targets
        Batch oneHot = new Batch(Tensor.wrap(x, N, 20), Mixup.oneHot(Tensor.wrap(y, N), 3));
        MixedBatch soft = mixup.apply(oneHot, stream(atFit, 2));
        assertTrue(soft.features().contentEquals(Tensor.wrap(mixed, N, 20)), "Mixup.apply and the trainer mix alike");
        double softLoss = new CategoricalCrossEntropy().compute(Variable.constant(Tensor.wrap(logits, N, 3)), soft.targets())
                .value().item();
        assertEquals(expectedLoss, softLoss, 1e-5 * expectedLoss);
    }

    /** Stream {@code index} (0 shuffle, 1 layers, 2 mixup) as a fit given a generator in {@code state} splits it. */
    private static Rng stream(long[] state, int index) {
        Rng replay = new Rng(0);
        replay.restore(state);
        Rng s = replay.split();
        for (int i = 0; i < index; i++) {
            s = replay.split();
        }
        return s;
    }

    /** One step of {@code loss} on {@code batch} from freshly built weights (the same for every call). */
    private static Map<String, Tensor> weightsAfterOneStep(Loss loss, Batch batch, MixupDraw mix) {
        Rng rng = new Rng(8);
        Sequential model = new Sequential(new Dense(20, 3, rng));
        Optimizer sgd = new Sgd(0.5, 0, false).build();
        new TrainingStep(model, loss, sgd, model.namedParameters(), TrainingOptions.none()).train(batch, mix, rng);
        return new TrainingControl(model, sgd).snapshotWeights();
    }

    private static void assertClose(Map<String, Tensor> expected, Map<String, Tensor> actual, double tolerance) {
        for (String path : expected.keySet()) {
            float[] e = expected.get(path).toFloatArray();
            float[] a = actual.get(path).toFloatArray();
            for (int i = 0; i < e.length; i++) {
                assertEquals(e[i], a[i], tolerance, path + "[" + i + "]");
            }
        }
    }

    @Test
    void aStepOnTheMixedLossIsAStepOnMixedTargetsForCrossEntropyAndSquaredError() {
        Batch classes = new Batch(DATA.features(), DATA.targets());
        Batch oneHot = new Batch(DATA.features(), Mixup.oneHot(DATA.targets(), 3));
        MixupDraw draw = new Mixup(1.0).draw(N, new Rng(3));
        MixedBatch soft = new MixedBatch(draw.mix(oneHot.features()), draw.mix(oneHot.targets()), draw.lambda(), draw.partners());
        Map<String, Tensor> before = weightsAfterOneStep(new SoftmaxCrossEntropyLoss(), classes, null);

        Map<String, Tensor> mixedLoss = weightsAfterOneStep(new SoftmaxCrossEntropyLoss(), classes, draw);
        assertClose(weightsAfterOneStep(new CategoricalCrossEntropy(), soft.batch(), null), mixedLoss, 1e-6);
        assertFalse(before.get("dense_1.kernel").contentEquals(mixedLoss.get("dense_1.kernel")), "mixing changed the step");

        // squared error: the weighted losses differ from the loss of the mixed targets by lambda (1 - lambda) times
        // the mean of (y - y_partner)^2, which does not depend on the output; so the step is the same
        assertClose(weightsAfterOneStep(new MeanSquaredError(), soft.batch(), null),
                weightsAfterOneStep(new MeanSquaredError(), oneHot, draw), 1e-6);
        Tensor out = new Rng(4).normal(0f, 1f, N, 3);
        Tensor partnerTargets = draw.partnerRows(oneHot.targets());
        double weighted = TrainingStep.mixedLoss(new MeanSquaredError(), Variable.constant(out), oneHot.targets(),
                partnerTargets, draw.lambda()).value().item();
        double ofMixedTargets = new MeanSquaredError().compute(Variable.constant(out), soft.targets()).value().item();
        float[] a = oneHot.targets().toFloatArray();
        float[] b = partnerTargets.toFloatArray();
        double gap = 0;
        for (int i = 0; i < a.length; i++) {
            gap += (a[i] - b[i]) * (a[i] - b[i]);
        }
        gap *= draw.lambda() * (1 - draw.lambda()) / a.length;
        assertTrue(gap > 0.01, "partners of other classes make the constant visible, got " + gap);
        assertEquals(ofMixedTargets + gap, weighted, 1e-5);
    }

    private static History run(long seed, Mixup mixup, List<Map<String, Tensor>> weights) {
        Rng rng = new Rng(seed);
        Sequential model = new Sequential(new Dense(20, 32, rng), new ReLU(), new Dropout(0.2), new Dense(32, 3, rng));
        Optimizer adam = Adam.defaults().build();
        History h = new Trainer(model, new SoftmaxCrossEntropyLoss(), adam).withAugmentation(new GaussianNoise(0.1))
                .withMixup(mixup).fit(TrainerTest.blobs(300, 1), TrainerTest.blobs(120, 2), 3, 25, rng);
        weights.add(new TrainingControl(model, adam).snapshotWeights());
        return h;
    }

    @Test
    void theSameSeedGivesTheSameBits() {
        List<Map<String, Tensor>> weights = new java.util.ArrayList<>();
        History first = run(11, new Mixup(0.4), weights);
        History second = run(11, new Mixup(0.4), weights);
        run(11, null, weights);
        for (String path : weights.get(0).keySet()) {
            assertTrue(weights.get(0).get(path).contentEquals(weights.get(1).get(path)), path);
        }
        assertEquals(first.epochs().stream().map(EpochRecord::trainLoss).toList(),
                second.epochs().stream().map(EpochRecord::trainLoss).toList());
        assertFalse(weights.get(0).get("dense_1.kernel").contentEquals(weights.get(2).get("dense_1.kernel")),
                "mixup changes the run");
    }

    @Test
    void mixupTrainsASmallProblem() {
        Rng rng = new Rng(2);
        Sequential model = new Sequential(new Dense(20, 32, rng), new ReLU(), new Dense(32, 3, rng));
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), Adam.defaults().build()).withMixup(new Mixup(0.2));
        History h = trainer.fit(TrainerTest.blobs(600, 1), TrainerTest.blobs(200, 2), 8, 32, rng);
        double firstLoss = h.epochs().get(0).trainLoss();
        double lastLoss = h.last().trainLoss();
        assertTrue(lastLoss < 0.5 * firstLoss, "the mixed loss falls: " + firstLoss + " -> " + lastLoss);
        assertTrue(h.last().validationAccuracy() > 0.95, "validation accuracy " + h.last().validationAccuracy());
    }
}
