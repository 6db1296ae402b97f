package dev.temper.study;

/**
 * One epoch of a study run, one row of its {@code history.csv}.
 *
 * <p>{@code trainLoss}, {@code trainPenalty} and {@code trainAccuracy} are the trainer's figures over the epoch's
 * batches as they were trained (dropout on, augmented images, weights moving; Keras's {@code loss}); the
 * {@code trainEval*} figures re-evaluate the whole training set after the epoch in inference mode, as validation and
 * test are, so the three compare. NaN where a figure is not defined (accuracy for a regression loss).
 */
public record EpochFigures(int epoch, double trainLoss, double trainPenalty, double trainAccuracy,
                           double trainEvalLoss, double trainEvalAccuracy, double validationLoss,
                           double validationAccuracy, double testLoss, double testAccuracy, double seconds) {

    /** The CSV columns, in order: the names a {@link Study} selects its best epoch by. */
    public static final String HEADER = "epoch,train_loss,train_penalty,train_accuracy,train_eval_loss,"
            + "train_eval_accuracy,val_loss,val_accuracy,test_loss,test_accuracy,seconds";

    public EpochFigures {
        if (epoch < 1) {
            throw new IllegalArgumentException("EpochFigures: epoch must be >= 1, got " + epoch);
        }
    }

    /** The figure of a column of {@link #HEADER} (other than {@code epoch}). */
    public double value(String column) {
        return switch (column) {
            case "train_loss" -> trainLoss;
            case "train_penalty" -> trainPenalty;
            case "train_accuracy" -> trainAccuracy;
            case "train_eval_loss" -> trainEvalLoss;
            case "train_eval_accuracy" -> trainEvalAccuracy;
            case "val_loss" -> validationLoss;
            case "val_accuracy" -> validationAccuracy;
            case "test_loss" -> testLoss;
            case "test_accuracy" -> testAccuracy;
            case "seconds" -> seconds;
            default -> throw new IllegalArgumentException("EpochFigures: no column '" + column + "'; expected one of "
                    + HEADER.substring("epoch,".length()));
        };
    }

    /** This epoch with another duration (figures compare without the clock). */
    public EpochFigures withSeconds(double newSeconds) {
        return new EpochFigures(epoch, trainLoss, trainPenalty, trainAccuracy, trainEvalLoss, trainEvalAccuracy,
                validationLoss, validationAccuracy, testLoss, testAccuracy, newSeconds);
    }

    /** Whether {@code column} names a figure of this record. */
    public static boolean hasColumn(String column) {
        return !column.equals("epoch") && java.util.Arrays.asList(HEADER.split(",")).contains(column);
    }
}
