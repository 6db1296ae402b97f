package dev.temper.cli;

import dev.temper.study.EpochFigures;
import dev.temper.study.RunKey;
import dev.temper.study.RunResult;
import dev.temper.study.StudyListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress while a study runs: one line per run as it finishes (or is found finished), with an estimate of the time
 * left from the runs trained so far; in a terminal, also the epoch of the run in progress, redrawn in place.
 */
final class StudyProgress implements StudyListener {
    private final PrintStream out;
    private final boolean live;
    private final long start = System.nanoTime();
    private double trainedSeconds;
    private int trained;
    private int width;

    /** @param live redraw a status line per epoch (only in a terminal: a log would fill with them) */
    StudyProgress(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    @Override
    public void onEpochEnd(RunKey key, EpochFigures e, int epochs) {
        if (live) {
            String line = String.format(Locale.ROOT, "  %s seed %d: epoch %d/%d  val_loss %.4f  val_acc %.2f%%",
                    key.regime(), key.seed(), e.epoch(), epochs, e.validationLoss(), 100 * e.validationAccuracy());
            out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
            out.flush();
        }
    }

    @Override
    public void onRunEnd(RunResult r, int index, int total, boolean resumed) {
        clearLiveLine();
        String figures = String.format(Locale.ROOT, "train %6.2f%%  test %6.2f%%  gap %5.2f  %3d epochs",
                100 * r.last().trainAccuracy(), 100 * r.last().testAccuracy(),
                100 * (r.last().trainAccuracy() - r.last().testAccuracy()), r.history().size());
        String tail;
        if (resumed) {
            tail = "(finished before: read from disk)";
        } else {
            trained++;
            trainedSeconds += r.wallSeconds();
            double left = trainedSeconds / trained * (total - index);
            tail = String.format(Locale.ROOT, "%5.1f s   elapsed %s, about %s left", r.wallSeconds(),
                    clock((System.nanoTime() - start) / 1e9), clock(left));
        }
        int digits = String.valueOf(total).length();
        out.printf(Locale.ROOT, "[%" + digits + "d/%d] %-16s seed %-3d %s  %s%n", index, total, r.key().regime(),
                r.key().seed(), figures, tail);
        out.flush();
    }

    void clearLiveLine() {
        if (live && width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            width = 0;
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
