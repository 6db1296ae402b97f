package dev.temper.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Orders trials by their value at one budget, best first; failed or pruned jobs last, ties by trial number. */
final class Ranking {
    private Ranking() {}

    static List<Trial> best(List<Trial> trials, int budget, Direction direction, int count) {
        List<Trial> sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.<Trial>comparingDouble(t -> direction.loss(t.valueAt(budget))).thenComparingInt(Trial::number));
        return sorted.subList(0, Math.min(count, sorted.size()));
    }

    /** Whether {@code t} can be continued past {@code budget}: its job to it completed with a finite value. */
    static boolean promotable(Trial t, int budget) {
        return t.state() == TrialState.COMPLETE && t.budget() == budget && Double.isFinite(t.valueAt(budget));
    }
}
