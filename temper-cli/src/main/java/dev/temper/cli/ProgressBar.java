package dev.temper.cli;

import dev.temper.train.Callback;
import dev.temper.train.EpochRecord;
import dev.temper.train.TrainingControl;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar redrawn in place during each epoch, for a terminal: the epoch, a bar of the steps done, steps per
 * second, the time left in the epoch, and the running mean of the batch losses (the data loss, as the epoch line
 * reports it). It is erased when the epoch ends, so the epoch's one line (printed by the next callback) takes its
 * place. Redraws at most every {@link #REDRAW_NANOS} so that a fast epoch does not flood the terminal.
 */
final class ProgressBar implements Callback {
    /** 0.1 s between redraws: smooth to the eye, a negligible cost next to a training step. */
    static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int epochs;
    private final long stepsPerEpoch;
    private final LongSupplier clock;
    private long epochStart;
    private long lastDraw;
    private long steps;
    private double lossSum;
    private int drawnLength;

    /** @param clock nanoseconds, {@code System::nanoTime} outside tests */
    ProgressBar(PrintStream out, int epochs, long stepsPerEpoch, LongSupplier clock) {
        this.out = out;
        this.epochs = epochs;
        this.stepsPerEpoch = Math.max(1, stepsPerEpoch);
        this.clock = clock;
    }

    @Override
    public void onEpochBegin(int epoch, TrainingControl control) {
        epochStart = clock.getAsLong();
        lastDraw = Long.MIN_VALUE;
        steps = 0;
        lossSum = 0;
    }

    @Override
    public void onBatchEnd(int epoch, long step, double batchLoss, TrainingControl control) {
        steps++;
        lossSum += batchLoss;
        long now = clock.getAsLong();
        if (steps == stepsPerEpoch || lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS) {
            draw(render(epoch, now));
            lastDraw = now;
        }
    }

    @Override
    public void onEpochEnd(EpochRecord record, TrainingControl control) {
        draw(""); // erased: the epoch line goes where the bar was
    }

    /** {@code epoch  3/30 [=========>          ]  27/57  12.3 steps/s  ETA 2.4 s  loss 0.2345}. */
    String render(int epoch, long now) {
        double seconds = (now - epochStart) / 1e9;
        double rate = seconds > 0 ? steps / seconds : 0;
        long done = Math.min(steps, stepsPerEpoch);
        int filled = (int) (WIDTH * done / stepsPerEpoch);
        StringBuilder bar = new StringBuilder("=".repeat(filled));
        if (filled < WIDTH) {
            bar.append('>').append(" ".repeat(WIDTH - filled - 1));
        }
        String eta = rate > 0 ? String.format(Locale.ROOT, "%.1f s", (stepsPerEpoch - done) / rate) : "?";
        int digits = String.valueOf(stepsPerEpoch).length();
        return String.format(Locale.ROOT, "epoch %" + String.valueOf(epochs).length() + "d/%d [%s] %" + digits
                        + "d/%d  %.1f steps/s  ETA %s  loss %.4f", epoch, epochs, bar, done, stepsPerEpoch, rate, eta,
                lossSum / steps);
    }

    /** Back to the line's start, the new text, blanks over what is left of the old one, back again. */
    private void draw(String text) {
        int blanks = Math.max(0, drawnLength - text.length());
        out.print("\r" + text + " ".repeat(blanks) + (blanks > 0 || text.isEmpty() ? "\r" + text : ""));
        out.flush();
        drawnLength = text.length();
    }
}
