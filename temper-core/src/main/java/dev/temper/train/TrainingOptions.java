package dev.temper.train;

import dev.temper.data.Augmentation;
import dev.temper.data.Mixup;
import dev.temper.metric.Metric;
import dev.temper.optim.SharpnessAwareMinimization;
import dev.temper.regularize.ActivityPenalties;
import dev.temper.regularize.PostStep;
import dev.temper.regularize.Regularization;
import java.util.List;

/**
 * The optional collaborators of a {@link Trainer}, as one value: each {@code Trainer.withX} copies it with one
 * part replaced, so adding an option touches one place instead of every copy.
 *
 * @param sam null when steps are plain
 * @param augmentation null when training batches are used as they are
 * @param mixup null when training batches are not mixed
 */
record TrainingOptions(Regularization regularization, List<PostStep> postSteps, ActivityPenalties activityPenalties,
                       List<Metric> metrics, SharpnessAwareMinimization sam, List<Callback> callbacks,
                       Augmentation augmentation, Mixup mixup) {

    TrainingOptions {
        postSteps = List.copyOf(postSteps);
        metrics = List.copyOf(metrics);
        callbacks = List.copyOf(callbacks);
    }

    static TrainingOptions none() {
        return new TrainingOptions(Regularization.none(), List.of(), ActivityPenalties.none(), List.of(), null, List.of(), null, null);
    }

    TrainingOptions withRegularization(Regularization r) {
        return new TrainingOptions(r, postSteps, activityPenalties, metrics, sam, callbacks, augmentation, mixup);
    }

    TrainingOptions withPostSteps(List<PostStep> steps) {
        return new TrainingOptions(regularization, steps, activityPenalties, metrics, sam, callbacks, augmentation, mixup);
    }

    TrainingOptions withActivityPenalties(ActivityPenalties p) {
        return new TrainingOptions(regularization, postSteps, p, metrics, sam, callbacks, augmentation, mixup);
    }

    TrainingOptions withMetrics(List<Metric> m) {
        return new TrainingOptions(regularization, postSteps, activityPenalties, m, sam, callbacks, augmentation, mixup);
    }

    TrainingOptions withSam(SharpnessAwareMinimization s) {
        return new TrainingOptions(regularization, postSteps, activityPenalties, metrics, s, callbacks, augmentation, mixup);
    }

    TrainingOptions withCallbacks(List<Callback> c) {
        return new TrainingOptions(regularization, postSteps, activityPenalties, metrics, sam, c, augmentation, mixup);
    }

    TrainingOptions withAugmentation(Augmentation a) {
        return new TrainingOptions(regularization, postSteps, activityPenalties, metrics, sam, callbacks, a, mixup);
    }

    TrainingOptions withMixup(Mixup m) {
        return new TrainingOptions(regularization, postSteps, activityPenalties, metrics, sam, callbacks, augmentation, m);
    }
}
