package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Variable;
import dev.temper.data.Dataset;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.ActivityRecorder;
import dev.temper.nn.ActivityRegularization;
import dev.temper.nn.Dense;
import dev.temper.nn.ForwardContext;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Sgd;
import dev.temper.regularize.ActivityPenalties;
import dev.temper.regularize.Penalty;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Activity penalties: recorded outputs are penalized by the run, and the penalty does what L1 on activity is for. */
class ActivityPenaltyTest {

    private static Sequential model(long seed) {
        Rng rng = new Rng(seed);
        return new Sequential(new Dense(20, 32, rng), new ReLU(), new ActivityRegularization("hidden"), new Dense(32, 3, rng));
    }

    /** Mean hidden activation (after ReLU) over a dataset, in inference. */
    private static double meanActivation(Sequential model, Dataset data) {
        Variable x = Variable.constant(data.features());
        for (int i = 0; i < 3; i++) {
            x = model.layers().get(i).forward(x, ForwardContext.inference());
        }
        return x.value().mean().item();
    }

    @Test
    void l1OnTheHiddenActivityLowersItAndIsReportedAsItsOwnTerm() {
        Dataset train = TrainerTest.blobs(300, 1);
        Sequential plain = model(5);
        new Trainer(plain, new SoftmaxCrossEntropyLoss(), new Sgd(0.05, 0.9, false).build())
                .fit(train, null, 5, 32, new Rng(7), EpochListener.none());
        Sequential penalized = model(5);
        History h = new Trainer(penalized, new SoftmaxCrossEntropyLoss(), new Sgd(0.05, 0.9, false).build())
                .withActivityPenalties(ActivityPenalties.none().with("hidden_l1", "hidden", Penalty.l1(0.05)))
                .fit(train, null, 5, 32, new Rng(7), EpochListener.none());
        double before = meanActivation(plain, train);
        double after = meanActivation(penalized, train);
        System.out.printf("mean hidden activation: no penalty %.4f, L1 activity 0.05 %.4f%n", before, after);
        assertTrue(after < 0.5 * before, "L1 on activity should at least halve the mean activation: " + before + " -> " + after);
        EpochRecord last = h.last();
        assertTrue(last.penaltyTerms().get("hidden_l1") > 0, "the term is reported: " + last.penaltyTerms());
        assertEquals(last.trainPenalty(), last.penaltyTerms().get("hidden_l1"), 1e-12);
    }

    @Test
    void recordingNeedsTrainingAndARecorderAndNamesMustBeUnique() {
        ActivityRegularization layer = new ActivityRegularization("h");
        Variable x = Variable.constant(Tensor.ones(2, 3));
        layer.forward(x, ForwardContext.training(new Rng(1))); // no recorder: nothing to do, no error
        ActivityRecorder recorder = new ActivityRecorder();
        layer.forward(x, ForwardContext.training(new Rng(1), recorder));
        assertEquals(1, recorder.recorded().size());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> layer.forward(x, ForwardContext.training(new Rng(1), recorder)));
        assertTrue(e.getMessage().contains("recorded twice"), e.getMessage());
        ActivityRecorder inference = new ActivityRecorder();
        layer.forward(x, new ForwardContext(dev.temper.nn.Mode.EVAL, null, inference));
        assertEquals(0, inference.recorded().size(), "inference records nothing");
    }
}
