package dev.temper.train;

import dev.temper.autograd.NoGrad;
import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.data.Batch;
import dev.temper.data.Batches;
import dev.temper.data.Dataset;
import dev.temper.loss.Loss;
import dev.temper.metric.Accuracy;
import dev.temper.nn.ForwardContext;
import dev.temper.nn.Model;
import dev.temper.optim.Optimizer;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains a model with a loss and an optimizer: epochs of seeded, shuffled mini-batches, each followed by an
 * evaluation of the validation set. Batch size 1 is online SGD; a batch as large as the set is full-batch
 * gradient descent.
 *
 * <p>Reproducibility: all randomness (shuffling, and dropout later) comes from the generator passed to
 * {@link #fit}; with the same seed and thread count, two runs give bit-identical weights and history.
 */
public final class Trainer {
    private final Model model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Map<String, Parameter> parameters;

    public Trainer(Model model, Loss loss, Optimizer optimizer) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.parameters = model.namedParameters();
    }

    /**
     * Trains for {@code epochs} epochs.
     *
     * @param validation evaluated after every epoch; may be null
     * @param rng the run's generator: the shuffle order and stochastic layers draw from streams split off it
     */
    public History fit(Dataset train, Dataset validation, int epochs, int batchSize, Rng rng, EpochListener listener) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        Rng shuffleRng = rng.split();
        Rng layerRng = rng.split();
        History history = new History();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            double lossSum = 0;
            long correct = 0;
            long seen = 0;
            for (Batch batch : new Batches(train, batchSize, shuffleRng, false)) {
                Optimizer.zeroGrad(parameters);
                Variable output = model.forward(Variable.constant(batch.features()), ForwardContext.training(layerRng));
                Variable value = loss.compute(output, batch.targets());
                value.backward();
                optimizer.step(parameters);
                lossSum += value.value().item() * batch.size();
                if (loss.classification()) {
                    correct += Accuracy.correct(output.value(), batch.targets());
                }
                seen += batch.size();
            }
            double trainLoss = lossSum / seen;
            double trainAccuracy = loss.classification() ? (double) correct / seen : Double.NaN;
            Evaluation val = validation == null || validation.size() == 0 ? null : evaluate(validation, Math.max(batchSize, 256));
            EpochRecord record = new EpochRecord(epoch, trainLoss, trainAccuracy,
                    val == null ? Double.NaN : val.loss(), val == null ? Double.NaN : val.accuracy(),
                    (System.nanoTime() - start) / 1e9);
            history.add(record);
            listener.onEpochEnd(record);
        }
        return history;
    }

    /** Mean loss (and accuracy for classification) over a dataset, in inference mode, without a graph. */
    public Evaluation evaluate(Dataset data, int batchSize) {
        double lossSum = 0;
        long correct = 0;
        try (NoGrad scope = NoGrad.enter()) {
            for (Batch batch : new Batches(data, batchSize, null, false)) {
                Variable output = model.forward(Variable.constant(batch.features()), ForwardContext.inference());
                lossSum += loss.compute(output, batch.targets()).value().item() * batch.size();
                if (loss.classification()) {
                    correct += Accuracy.correct(output.value(), batch.targets());
                }
            }
        }
        int n = data.size();
        return new Evaluation(n == 0 ? Double.NaN : lossSum / n,
                loss.classification() && n > 0 ? (double) correct / n : Double.NaN, n);
    }

    /** The model's outputs for {@code features}, in inference mode, computed in batches. */
    public Tensor predict(Tensor features, int batchSize) {
        List<Tensor> parts = new ArrayList<>();
        try (NoGrad scope = NoGrad.enter()) {
            for (int start = 0; start < features.dim(0); start += batchSize) {
                int end = Math.min(features.dim(0), start + batchSize);
                parts.add(model.forward(Variable.constant(features.rows(start, end).contiguous()), ForwardContext.inference()).value());
            }
        }
        return Tensor.concat(0, parts.toArray(new Tensor[0]));
    }
}
