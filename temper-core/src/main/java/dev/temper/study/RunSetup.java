package dev.temper.study;

import dev.temper.loss.Loss;
import dev.temper.nn.Model;
import dev.temper.optim.Optimizer;
import dev.temper.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything one run trains with, built fresh for that run (a new model, a new optimizer): the pieces a
 * {@link Regime} may change before the trainer is made. Optimizers and callbacks hold state, so a setup is used for
 * one run only.
 *
 * @param trainerChanges applied in order to {@code new Trainer(model, loss, optimizer)}: penalties, post-steps,
 *     callbacks, augmentation ({@code Trainer.withX})
 */
public record RunSetup(Model model, Loss loss, Optimizer optimizer, List<UnaryOperator<Trainer>> trainerChanges,
                       int epochs, int batchSize) {
    public RunSetup {
        if (model == null || loss == null || optimizer == null) {
            throw new IllegalArgumentException("RunSetup: model, loss and optimizer must not be null, got model="
                    + model + ", loss=" + loss + ", optimizer=" + optimizer);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("RunSetup: epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("RunSetup: batchSize must be >= 1, got " + batchSize);
        }
        trainerChanges = List.copyOf(trainerChanges);
    }

    /** A setup with no trainer changes. */
    public static RunSetup of(Model model, Loss loss, Optimizer optimizer, int epochs, int batchSize) {
        return new RunSetup(model, loss, optimizer, List.of(), epochs, batchSize);
    }

    public RunSetup withModel(Model newModel) {
        return new RunSetup(newModel, loss, optimizer, trainerChanges, epochs, batchSize);
    }

    public RunSetup withOptimizer(Optimizer newOptimizer) {
        return new RunSetup(model, loss, newOptimizer, trainerChanges, epochs, batchSize);
    }

    public RunSetup withEpochs(int newEpochs) {
        return new RunSetup(model, loss, optimizer, trainerChanges, newEpochs, batchSize);
    }

    public RunSetup withBatchSize(int newBatchSize) {
        return new RunSetup(model, loss, optimizer, trainerChanges, epochs, newBatchSize);
    }

    /** This setup with one more change of the trainer, after those already there. */
    public RunSetup withTrainer(UnaryOperator<Trainer> change) {
        if (change == null) {
            throw new IllegalArgumentException("RunSetup: trainer change must not be null");
        }
        List<UnaryOperator<Trainer>> more = new ArrayList<>(trainerChanges);
        more.add(change);
        return new RunSetup(model, loss, optimizer, more, epochs, batchSize);
    }

    /** The trainer: {@code new Trainer(model, loss, optimizer)} with every change applied in order. */
    public Trainer trainer() {
        Trainer t = new Trainer(model, loss, optimizer);
        for (UnaryOperator<Trainer> change : trainerChanges) {
            t = change.apply(t);
            if (t == null) {
                throw new IllegalStateException("RunSetup: a trainer change returned null");
            }
        }
        return t;
    }
}
