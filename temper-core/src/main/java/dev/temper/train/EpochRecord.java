package dev.temper.train;

/**
 * One epoch's figures. Train loss and accuracy are means over the epoch's batches as they were trained (as
 * Keras reports them); validation figures are measured after the epoch in inference mode. NaN where not
 * measured (no validation set, or accuracy for a regression loss).
 *
 * <p>{@code trainLoss} is the data loss alone and {@code trainPenalty} the mean regularization penalty over the
 * same batches (weight penalties, activity penalties and the penalty a proximal step minimizes; 0 without
 * regularization); their sum, the objective actually minimized, is {@link #trainTotalLoss()}. Validation loss is
 * the data loss only, so it compares with {@code trainLoss} (Keras instead folds penalties into its "loss").
 */
public record EpochRecord(int epoch, double trainLoss, double trainPenalty, double trainAccuracy,
                          double validationLoss, double validationAccuracy, double seconds) {

    /** An epoch trained without regularization (penalty 0). */
    public EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                       double validationAccuracy, double seconds) {
        this(epoch, trainLoss, 0.0, trainAccuracy, validationLoss, validationAccuracy, seconds);
    }

    /** Data loss plus penalty: the training objective. */
    public double trainTotalLoss() {
        return trainLoss + trainPenalty;
    }
}
