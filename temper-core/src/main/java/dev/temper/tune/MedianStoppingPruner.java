package dev.temper.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The median stopping rule (Golovin, Solnik, Moitra, Kochanski, Karro and Sculley, "Google Vizier: a service for
 * black-box optimization", KDD 2017, section 3.2.2): trial {@code t} stops at step {@code s} if its best value by
 * step {@code s} is strictly worse than the median, over the other trials that have reported step {@code s}, of
 * their running averages of values over steps {@code 1..s}.
 *
 * <p>It acts only once {@code minTrials} other trials have reported the step (Optuna's {@code n_startup_trials},
 * default 5) and not before step {@code warmupSteps + 1} (early epochs are too noisy to judge by).
 */
public record MedianStoppingPruner(int minTrials, int warmupSteps) implements Pruner {
    public MedianStoppingPruner {
        if (minTrials < 1 || warmupSteps < 0) {
            throw new IllegalArgumentException("MedianStoppingPruner: needs minTrials >= 1 and warmupSteps >= 0, got minTrials "
                    + minTrials + ", warmupSteps " + warmupSteps);
        }
    }

    /** Five trials before it acts, no warm-up. */
    public static MedianStoppingPruner defaults() {
        return new MedianStoppingPruner(5, 0);
    }

    @Override
    public String prune(Trial trial, int step, StudyHistory history) {
        if (step <= warmupSteps) {
            return null;
        }
        Direction direction = history.direction();
        double bestSoFar = Double.POSITIVE_INFINITY;
        for (Map.Entry<Integer, Double> e : trial.steps().entrySet()) {
            if (e.getKey() <= step) {
                bestSoFar = Math.min(bestSoFar, direction.loss(e.getValue()));
            }
        }
        List<Double> averages = new ArrayList<>();
        for (Trial other : history.trials()) {
            if (other.number() == trial.number() || other.state() == TrialState.FAILED || !other.steps().containsKey(step)) {
                continue;
            }
            double sum = 0;
            int count = 0;
            for (Map.Entry<Integer, Double> e : other.steps().headMap(step + 1).entrySet()) {
                sum += direction.loss(e.getValue());
                count++;
            }
            averages.add(sum / count);
        }
        if (averages.size() < minTrials) {
            return null;
        }
        Collections.sort(averages);
        int n = averages.size();
        double median = n % 2 == 1 ? averages.get(n / 2) : (averages.get(n / 2 - 1) + averages.get(n / 2)) / 2;
        if (bestSoFar > median) {
            return String.format(Locale.ROOT, "median stopping at step %d: best %.6g is worse than the median %.6g of %d trials'"
                    + " running averages", step, direction == Direction.MAXIMIZE ? -bestSoFar : bestSoFar,
                    direction == Direction.MAXIMIZE ? -median : median, n);
        }
        return null;
    }
}
