package dev.temper.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's figures. Train loss and accuracy are means over the epoch's batches as they were trained (as
 * Keras reports them); validation figures are measured after the epoch in inference mode. NaN where not
 * measured (no validation set, or accuracy for a regression loss).
 *
 * <p>{@code trainLoss} is the data loss alone and {@code trainPenalty} the mean regularization penalty over the
 * same batches (weight penalties, activity penalties and the penalty a proximal step minimizes; 0 without
 * regularization); their sum, the objective actually minimized, is {@link #trainTotalLoss()}. Validation loss is
 * the data loss only, so it compares with {@code trainLoss} (Keras instead folds penalties into its "loss").
 * {@code penaltyTerms} splits the penalty by term (regularization rule name, {@code proximal_l1}, ...), each a
 * mean over the same batches, in a fixed order; empty without regularization. {@code metrics} holds the
 * trainer's metrics by name: {@code name} over the training batches, {@code val_name} on the validation set.
 *
 * <p>{@code cutShortAtStep} is 0 for an epoch that trained all its batches; for one that a callback ended early
 * with {@link TrainingControl#stopNow} (such as {@link TerminateOnNaN}), it is the number (counted across epochs,
 * as {@link Callback#onBatchEnd} sees it) of the last step applied, and the training figures are means over the
 * batches up to it.
 */
public record EpochRecord(int epoch, double trainLoss, double trainPenalty, double trainAccuracy,
                          double validationLoss, double validationAccuracy, double seconds,
                          Map<String, Double> penaltyTerms, Map<String, Double> metrics, long cutShortAtStep) {

    public EpochRecord {
        if (cutShortAtStep < 0) {
            throw new IllegalArgumentException("EpochRecord: cutShortAtStep must be >= 0 (0: the whole epoch), got " + cutShortAtStep);
        }
        penaltyTerms = Collections.unmodifiableMap(new LinkedHashMap<>(penaltyTerms));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** An epoch that trained all its batches. */
    public EpochRecord(int epoch, double trainLoss, double trainPenalty, double trainAccuracy,
                       double validationLoss, double validationAccuracy, double seconds,
                       Map<String, Double> penaltyTerms, Map<String, Double> metrics) {
        this(epoch, trainLoss, trainPenalty, trainAccuracy, validationLoss, validationAccuracy, seconds, penaltyTerms, metrics, 0);
    }

    /** An epoch without metrics. */
    public EpochRecord(int epoch, double trainLoss, double trainPenalty, double trainAccuracy,
                       double validationLoss, double validationAccuracy, double seconds,
                       Map<String, Double> penaltyTerms) {
        this(epoch, trainLoss, trainPenalty, trainAccuracy, validationLoss, validationAccuracy, seconds, penaltyTerms, Map.of());
    }

    /** An epoch whose penalty is not split into terms. */
    public EpochRecord(int epoch, double trainLoss, double trainPenalty, double trainAccuracy,
                       double validationLoss, double validationAccuracy, double seconds) {
        this(epoch, trainLoss, trainPenalty, trainAccuracy, validationLoss, validationAccuracy, seconds, Map.of());
    }

    /** An epoch trained without regularization (penalty 0). */
    public EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                       double validationAccuracy, double seconds) {
        this(epoch, trainLoss, 0.0, trainAccuracy, validationLoss, validationAccuracy, seconds);
    }

    /** Whether a stop ended this epoch before its last batch (see {@link #cutShortAtStep}). */
    public boolean cutShort() {
        return cutShortAtStep > 0;
    }

    /** Data loss plus penalty: the training objective. */
    public double trainTotalLoss() {
        return trainLoss + trainPenalty;
    }
}
