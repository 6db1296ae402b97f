package dev.temper.study;

import dev.temper.train.Callback;
import dev.temper.train.EpochRecord;
import dev.temper.train.Evaluation;
import dev.temper.train.Trainer;
import dev.temper.train.TrainingControl;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The study's own callback, last in a run's list: after each epoch it re-evaluates the clean training set and the
 * test set in inference mode beside the trainer's validation figures; between batches it abandons the run when the
 * study was asked to stop.
 */
final class RunProbe implements Callback {
    /** Thrown out of {@code fit} to abandon a run; caught by the study. */
    static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super("the study was asked to stop", null, false, false);
        }
    }

    private final Trainer evaluator;
    private final StudyData data;
    private final int batchSize;
    private final StopSignal stop;
    private final Consumer<EpochFigures> onEpoch;
    private final List<EpochFigures> history = new ArrayList<>();

    /** @param evaluator a trainer of the run's model and loss (its evaluate is all that is used) */
    RunProbe(Trainer evaluator, StudyData data, int batchSize, StopSignal stop, Consumer<EpochFigures> onEpoch) {
        this.evaluator = evaluator;
        this.data = data;
        this.batchSize = batchSize;
        this.stop = stop;
        this.onEpoch = onEpoch;
    }

    @Override
    public void onBatchEnd(int epoch, long step, double batchLoss, TrainingControl control) {
        if (stop.requested()) {
            throw new Abandoned();
        }
    }

    @Override
    public void onEpochEnd(EpochRecord r, TrainingControl control) {
        long start = System.nanoTime();
        Evaluation train = evaluator.evaluate(data.train(), batchSize);
        Evaluation test = evaluator.evaluate(data.test(), batchSize);
        double seconds = r.seconds() + (System.nanoTime() - start) / 1e9;
        EpochFigures e = new EpochFigures(r.epoch(), r.trainLoss(), r.trainPenalty(), r.trainAccuracy(), train.loss(),
                train.accuracy(), r.validationLoss(), r.validationAccuracy(), test.loss(), test.accuracy(), seconds);
        history.add(e);
        onEpoch.accept(e);
    }

    List<EpochFigures> history() {
        return List.copyOf(history);
    }
}
