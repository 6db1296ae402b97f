package dev.temper.cli;

import dev.temper.cli.config.LossKind;
import dev.temper.data.Dataset;
import dev.temper.metric.BinaryAccuracy;
import dev.temper.metric.MeanAbsoluteError;
import dev.temper.metric.Metric;
import dev.temper.metric.RSquared;
import dev.temper.metric.RocAuc;
import dev.temper.metric.RootMeanSquaredError;
import dev.temper.tensor.Tensor;
import java.util.List;

/**
 * What a run predicts, decided by its loss and its labels: the width of the model's output and the form of the
 * targets the loss expects.
 */
enum Task {
    /** Class indices; softmax cross-entropy takes them as they are, regression-type losses as one-hot rows. */
    CLASSIFICATION,
    /** Labels 0 and 1 (or two class names), one output: a logit. */
    BINARY,
    /** Numeric labels from a CSV file, one output. */
    REGRESSION;

    static Task of(LossKind loss, TrainingData data) {
        if (loss.binary()) {
            return BINARY;
        }
        if (loss.regression() && data.numericLabels()) {
            return REGRESSION;
        }
        return CLASSIFICATION;
    }

    /**
     * Metrics reported beside the loss: for one logit, accuracy at threshold 0 (probability 0.5) and ROC-AUC
     * (ranking logits ranks probabilities); for regression, MAE, RMSE and R^2. Classification reports its
     * accuracy already.
     */
    List<Metric> metrics() {
        return switch (this) {
            case CLASSIFICATION -> List.of();
            case BINARY -> List.of(new BinaryAccuracy(0.0), new RocAuc());
            case REGRESSION -> List.of(new MeanAbsoluteError(), new RootMeanSquaredError(), new RSquared());
        };
    }

    /** The number of outputs the model's last dense layer must have. */
    int outputs(TrainingData data) {
        return this == CLASSIFICATION ? data.classCount() : 1;
    }

    /** What the data must say for the task to make sense; the message is the user's. */
    String describeOutputs(TrainingData data) {
        return switch (this) {
            case CLASSIFICATION -> "the data has " + data.classCount() + " classes";
            case BINARY -> "binary classification has one output (a logit)";
            case REGRESSION -> "regression on '" + "numeric labels" + "' has one output";
        };
    }

    /** Targets in the form the loss expects. */
    Dataset targets(Dataset d, LossKind loss, int outputs, String split) {
        switch (this) {
            case CLASSIFICATION:
                return loss.regression() ? oneHot(d, outputs) : d;
            case BINARY:
                for (int i = 0; i < d.size(); i++) {
                    double y = d.targets().getFlat(i);
                    if (y != 0 && y != 1) {
                        throw new UsageException("train: " + loss.yamlName() + " needs labels 0 and 1 (or two class names), got "
                                + y + " for " + split + " example " + i);
                    }
                }
                return new Dataset(d.features(), d.targets().reshape(d.size(), 1));
            default:
                return new Dataset(d.features(), d.targets().reshape(d.size(), 1));
        }
    }

    private static Dataset oneHot(Dataset d, int width) {
        Tensor t = Tensor.zeros(d.size(), width);
        for (int i = 0; i < d.size(); i++) {
            t.set(1.0, i, (int) d.targets().getFlat(i));
        }
        return new Dataset(d.features(), t);
    }
}
