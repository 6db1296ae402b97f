package dev.temper.tune;

import dev.temper.data.Dataset;
import dev.temper.tensor.Rng;
import dev.temper.train.EpochListener;
import dev.temper.train.EpochRecord;
import dev.temper.train.History;
import dev.temper.train.Monitor;
import dev.temper.train.Trainer;

/**
 * Trains a model per trial, one epoch per budget step, and reports a monitored quantity of each epoch (Keras's
 * names: {@code val_accuracy}, {@code val_loss}, ...).
 *
 * <p>Epoch {@code k} of trial seed {@code s} shuffles and draws dropout masks from a generator seeded by
 * {@code (s, k)} alone, and the model, optimizer and their state carry over from epoch to epoch. So training to
 * epoch 9 in one job or in jobs of 1, 2 and 6 epochs gives the same bits: what lets Hyperband and ASHA continue
 * a trial, and a resumed study replay a lost one, without changing any result (see {@link TrialRun}).
 *
 * <p>A non-finite training loss or monitored value fails the trial as diverged, naming the epoch.
 */
public final class TrainingObjective implements Objective {

    /** What one trial trains, built for a configuration from a generator of the trial's own. */
    public record Setup(Trainer trainer, Dataset train, Dataset validation, int batchSize) {
        public Setup {
            if (trainer == null || train == null) {
                throw new IllegalArgumentException("TrainingObjective.Setup: trainer and train must not be null");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("TrainingObjective.Setup: batchSize must be >= 1, got " + batchSize);
            }
        }
    }

    /** Builds a trial's model and trainer (initialization draws from {@code rng}). */
    @FunctionalInterface
    public interface SetupFactory {
        Setup create(Configuration configuration, Rng rng) throws Exception;
    }

    private final SetupFactory factory;
    private final Monitor monitor;

    public TrainingObjective(SetupFactory factory, Monitor monitor) {
        if (factory == null || monitor == null) {
            throw new IllegalArgumentException("TrainingObjective: factory and monitor must not be null");
        }
        this.factory = factory;
        this.monitor = monitor;
    }

    /** The direction the study should take for this objective's monitor. */
    public Direction direction() {
        return monitor.higherIsBetter() ? Direction.MAXIMIZE : Direction.MINIMIZE;
    }

    public Monitor monitor() {
        return monitor;
    }

    @Override
    public TrialRun start(Configuration configuration, long seed) throws Exception {
        Setup setup = factory.create(configuration, new Rng(Seeds.mix(seed, -1)));
        return new TrialRun() {
            private int epoch;

            @Override
            public double advance() {
                epoch++;
                Rng epochRng = new Rng(Seeds.mix(seed, epoch));
                History h = setup.trainer().fit(setup.train(), setup.validation(), 1, setup.batchSize(), epochRng, EpochListener.none());
                EpochRecord r = h.last();
                if (!Double.isFinite(r.trainLoss())) {
                    throw new IllegalStateException("diverged: training loss " + r.trainLoss() + " in epoch " + epoch);
                }
                double value = monitor.value(r);
                if (!Double.isFinite(value)) {
                    throw new IllegalStateException("diverged: " + monitor.name() + " " + value + " after epoch " + epoch);
                }
                return value;
            }
        };
    }
}
