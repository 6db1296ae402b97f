package dev.temper.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Trials ranked: complete ones first, those trained longest before the rest (a value at 27 epochs is not
 * comparable with one at 1), best value first within a budget; then pruned trials, then failed ones.
 */
public final class Leaderboard {
    private Leaderboard() {}

    public static List<Trial> ranked(List<Trial> trials, Direction direction) {
        List<Trial> out = new ArrayList<>(trials);
        out.sort(Comparator.<Trial>comparingInt(t -> t.state() == TrialState.COMPLETE ? 0
                        : t.state() == TrialState.PRUNED ? 1 : t.state() == TrialState.RUNNING ? 2 : 3)
                .thenComparing(Comparator.comparingInt(Trial::budget).reversed())
                .thenComparingDouble(t -> direction.loss(t.value()))
                .thenComparingInt(Trial::number));
        return out;
    }

    /** A text table of the best {@code top} trials. */
    public static String format(List<Trial> trials, Direction direction, String valueName, int top) {
        List<Trial> ranked = ranked(trials, direction);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%4s  %5s  %-12s  %6s  %8s  %s%n",
                "rank", "trial", valueName, "epochs", "state", "configuration"));
        for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            Trial t = ranked.get(i);
            sb.append(String.format(Locale.ROOT, "%4d  %5d  %-12s  %6d  %8s  %s%n", i + 1, t.number(),
                    Double.isFinite(t.value()) ? String.format(Locale.ROOT, "%.4f", t.value()) : "-", t.budget(),
                    t.state().yamlName(), t.configuration().describe()));
        }
        return sb.toString();
    }
}
