package dev.temper.cli;

import dev.temper.train.Callback;
import dev.temper.train.EpochRecord;
import dev.temper.train.TrainingControl;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints one line per epoch, as the last callback of the run: {@code epoch  3/30  loss 0.2100  acc 93.1%  ...}.
 * With {@code showLearningRate} (a run whose rate moves: a schedule or reduce_lr_on_plateau) the line ends with
 * the rate the epoch started with, read after any schedule callback has set it.
 */
final class EpochPrinter implements Callback {
    private final PrintStream out;
    private final int epochs;
    private final boolean showLearningRate;
    private double epochRate = Double.NaN;

    EpochPrinter(PrintStream out, int epochs, boolean showLearningRate) {
        this.out = out;
        this.epochs = epochs;
        this.showLearningRate = showLearningRate;
    }

    @Override
    public void onEpochBegin(int epoch, TrainingControl control) {
        epochRate = control.learningRate();
    }

    @Override
    public void onEpochEnd(EpochRecord record, TrainingControl control) {
        String line = line(record, epochs);
        out.println(showLearningRate ? line + String.format(Locale.ROOT, "  lr %.3g", epochRate) : line);
    }

    /**
     * The epoch's figures: train loss and accuracy, validation loss and accuracy, metrics, seconds, and the step it
     * was cut short at when a stop ended it early.
     */
    static String line(EpochRecord r, int epochs) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %" + String.valueOf(epochs).length()
                + "d/%d  loss %.4f", r.epoch(), epochs, r.trainLoss()));
        if (!Double.isNaN(r.trainAccuracy())) {
            sb.append(String.format(Locale.ROOT, "  acc %.2f%%", 100 * r.trainAccuracy()));
        }
        if (!Double.isNaN(r.validationLoss())) {
            sb.append(String.format(Locale.ROOT, "  val_loss %.4f", r.validationLoss()));
        }
        if (!Double.isNaN(r.validationAccuracy())) {
            sb.append(String.format(Locale.ROOT, "  val_acc %.2f%%", 100 * r.validationAccuracy()));
        }
        r.metrics().forEach((name, v) -> {
            if (!Double.isNaN(v)) {
                sb.append(String.format(Locale.ROOT, "  %s %.4f", name, v));
            }
        });
        sb.append(String.format(Locale.ROOT, "  %.2f s", r.seconds()));
        if (r.cutShort()) {
            sb.append("  (cut short at step ").append(r.cutShortAtStep()).append(')');
        }
        return sb.toString();
    }
}
