package dev.temper.study;

import dev.temper.data.Dataset;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dense;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import dev.temper.train.EarlyStopping;
import java.util.List;

/** A study small enough for unit tests: overlapping, partly mislabelled blobs an MLP overfits in a few epochs. */
final class TinyStudy {
    private TinyStudy() {}

    static Dataset blobs(int n, long seed) {
        Tensor centers = new Rng(97).normal(0f, 1f, 3, 8);
        Rng rng = new Rng(seed);
        float[] x = new float[n * 8];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(3);
            y[i] = rng.nextDouble() < 0.15 ? rng.nextInt(3) : c;
            for (int j = 0; j < 8; j++) {
                x[i * 8 + j] = (float) (centers.get(c, j) + rng.nextGaussian());
            }
        }
        return new Dataset(Tensor.wrap(x, n, 8), Tensor.wrap(y, n));
    }

    static StudyData data() {
        return new StudyData(blobs(96, 1), blobs(64, 2), blobs(64, 3));
    }

    static RunFactory base(int epochs) {
        return rng -> RunSetup.of(new Sequential(new Dense(8, 32, rng), new ReLU(), new Dense(32, 3, rng)),
                new SoftmaxCrossEntropyLoss(), Adam.defaults().withLearningRate(0.01).build(), epochs, 16);
    }

    static List<Regime> regimes() {
        return List.of(Regime.baseline(), Regimes.l1(0.5), Regimes.l2(1e-3), Regimes.dropout(0.5, 0),
                Regimes.batchNormalization(),
                Regimes.earlyStopping("early stopping on val_loss, patience 1, best weights restored",
                        () -> EarlyStopping.defaults().withPatience(1).withRestoreBestWeights(true)));
    }

    static Study study(int epochs, int seeds) {
        return Study.of(data(), base(epochs), "8-32-3 MLP, Adam lr 0.01, batch 16, " + epochs + " epochs", regimes(),
                Study.seeds(seeds));
    }
}
