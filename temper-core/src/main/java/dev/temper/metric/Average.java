package dev.temper.metric;

/**
 * How precision, recall and F1 summarize classes, as sklearn's {@code average} argument.
 *
 * <ul>
 *   <li>{@link #BINARY}: the score of class 1 of thresholded binary scores.
 *   <li>{@link #MACRO}: the unweighted mean of the per-class scores over the classes that occur among the targets
 *       or the predictions (sklearn's default label set), each class's score computed on its own.
 *   <li>{@link #MICRO}: one score from true positives, false positives and false negatives summed over classes;
 *       for single-label data precision, recall and F1 all equal accuracy.
 * </ul>
 */
public enum Average {
    BINARY,
    MACRO,
    MICRO
}
