package dev.temper.cli;

import dev.temper.tune.Configuration;
import dev.temper.tune.Leaderboard;
import dev.temper.tune.StudyHistory;
import dev.temper.tune.StudyListener;
import dev.temper.tune.Trial;
import dev.temper.tune.TrialState;
import java.io.PrintStream;
import java.util.Locale;

/** The terminal view of a running study: a line per finished job, and the top five every ten jobs. */
final class LiveLeaderboard implements StudyListener {
    private final PrintStream out;
    private final String valueName;
    private final long plannedTrials;
    private int finished;

    LiveLeaderboard(PrintStream out, String valueName, long plannedTrials) {
        this.out = out;
        this.valueName = valueName;
        this.plannedTrials = plannedTrials;
    }

    @Override
    public void onJobStarted(int trial, Configuration configuration, int budget) {
        // one line per finished job is enough on a terminal
    }

    @Override
    public void onJobFinished(Trial t, StudyHistory history) {
        finished++;
        Trial best = history.best();
        String result = t.state() == TrialState.FAILED ? "FAILED: " + t.reason()
                : String.format(Locale.ROOT, "%s %.4f%s", valueName, t.value(), t.state() == TrialState.PRUNED ? " (pruned)" : "");
        out.printf(Locale.ROOT, "trial %3d/%d  epochs %3d  %.1f s  %s  %s%s%n", t.number() + 1, plannedTrials, t.budget(),
                t.seconds(), result, t.configuration().describe(),
                best == null ? "" : String.format(Locale.ROOT, "  | best %.4f (trial %d, %d epochs)", best.value(), best.number() + 1, best.budget()));
        if (finished % 10 == 0) {
            out.print(Leaderboard.format(history.trials(), history.direction(), valueName, 5));
        }
        out.flush();
    }
}
