package dev.temper.train;

import dev.temper.nn.Dense;
import dev.temper.nn.Sequential;
import dev.temper.optim.Optimizer;
import dev.temper.optim.Sgd;
import dev.temper.tensor.Rng;
import java.util.Map;

/** Drives a callback the way {@link Trainer#fit} does, with epoch records written by the test. */
final class ScriptedEpochs {
    final Sequential model = new Sequential(new Dense(2, 1, new Rng(1)));
    final Optimizer optimizer;
    final TrainingControl control;

    ScriptedEpochs(double learningRate) {
        optimizer = new Sgd(learningRate, 0, false).build();
        control = new TrainingControl(model, optimizer);
    }

    ScriptedEpochs() {
        this(0.01);
    }

    /** An epoch whose val_loss is {@code valLoss} and val_accuracy is {@code valAccuracy} (others NaN). */
    static EpochRecord record(int epoch, double valLoss, double valAccuracy) {
        return new EpochRecord(epoch, Double.NaN, 0.0, Double.NaN, valLoss, valAccuracy, 0.0, Map.of(),
                Map.of("val_macro_f1", valAccuracy));
    }

    /**
     * Runs {@code callback} over epochs whose val_loss and val_accuracy are both {@code values[e-1]}, stopping
     * after the epoch in which a stop was requested; the number of the last epoch run.
     */
    int run(Callback callback, double... values) {
        callback.onTrainBegin(control);
        int epoch = 0;
        History history = new History();
        for (double v : values) {
            epoch++;
            callback.onEpochBegin(epoch, control);
            EpochRecord r = record(epoch, v, v);
            history.add(r);
            callback.onEpochEnd(r, control);
            if (control.stopRequested()) {
                break;
            }
        }
        callback.onTrainEnd(history, control);
        return epoch;
    }
}
