package dev.temper.train;

/**
 * One epoch's figures. Train loss and accuracy are means over the epoch's batches as they were trained (as
 * Keras reports them); validation figures are measured after the epoch in inference mode. NaN where not
 * measured (no validation set, or accuracy for a regression loss).
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double seconds) {}
