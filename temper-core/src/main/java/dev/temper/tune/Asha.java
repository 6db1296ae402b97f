package dev.temper.tune;

import dev.temper.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Asynchronous successive halving (Li, Jamieson, Rostamizadeh, Gonina, Ben-tzur, Hardt, Recht and Talwalkar, "A
 * system for massively parallel hyperparameter tuning", MLSys 2020, Algorithm 2). Rungs have budgets
 * {@code r_min eta^k} up to {@code R}. Whenever a worker is free: starting from the top rung, if some trial is
 * among the best {@code floor(|rung k| / eta)} of rung {@code k} and has not been promoted, continue it to rung
 * {@code k + 1}; otherwise start a new configuration at the bottom rung, until {@code maxTrials} have been started.
 * No rung ever waits for another, so no worker idles; the price is that promotions made early, on a small rung,
 * may go to trials that a full rung would not have promoted, so somewhat more than {@code 1 / eta} of a rung moves
 * up and the cost exceeds synchronous halving's (which {@link #cost} gives): run one job at a time with 81
 * configurations on rungs of 1 to 27 epochs, it spent between 34% and 47% of a 729-epoch grid on simulated learning
 * curves, against 33% for synchronous halving. An optional cap on the epochs of the whole study makes the cost a
 * bound instead (Li et al. run ASHA against a time budget): once the job ASHA would start next (a promotion's extra
 * epochs, or a new trial's first rung) would take the epochs started so far past the cap, it starts nothing more.
 */
public final class Asha implements Strategy {
    private final SearchSpace space;
    private final int maxTrials;
    private final int eta;
    private final int[] budgets;
    private final long maxTotalEpochs;

    /** {@code eta = 3} and minimum budget 1 epoch. */
    public static Asha of(SearchSpace space, int maxTrials, int maxBudget) {
        return new Asha(space, maxTrials, 1, maxBudget, 3);
    }

    public Asha(SearchSpace space, int maxTrials, int minBudget, int maxBudget, int eta) {
        this(space, maxTrials, minBudget, maxBudget, eta, Long.MAX_VALUE);
    }

    /** @param maxTotalEpochs no job starts that would take the epochs of all jobs started past this */
    public Asha(SearchSpace space, int maxTrials, int minBudget, int maxBudget, int eta, long maxTotalEpochs) {
        if (maxTrials < 1 || minBudget < 1 || maxBudget < minBudget || eta < 2) {
            throw new IllegalArgumentException("Asha: needs maxTrials >= 1, 1 <= minBudget <= maxBudget and eta >= 2, got maxTrials "
                    + maxTrials + ", minBudget " + minBudget + ", maxBudget " + maxBudget + ", eta " + eta);
        }
        if (maxTotalEpochs < minBudget) {
            throw new IllegalArgumentException("Asha: maxTotalEpochs must be >= minBudget (" + minBudget + "), got " + maxTotalEpochs);
        }
        this.maxTotalEpochs = maxTotalEpochs;
        this.space = space;
        this.maxTrials = maxTrials;
        this.eta = eta;
        List<Integer> b = new ArrayList<>();
        for (long r = minBudget; r < maxBudget; r *= eta) {
            b.add((int) r);
        }
        b.add(maxBudget);
        budgets = b.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Suggestion suggest(StudyHistory history, List<Integer> running, Rng rng) {
        List<Trial> all = history.trials();
        Suggestion next = null;
        long epochs = 0;
        for (int k = budgets.length - 2; k >= 0 && next == null; k--) {
            Trial t = promotion(all, k, history.direction());
            if (t != null) {
                next = new Suggestion.Continue(t.number(), budgets[k + 1]);
                epochs = budgets[k + 1] - budgets[k];
            }
        }
        if (next == null && all.size() < maxTrials) {
            next = new Suggestion.NewTrial(space.sample(rng), budgets[0]);
            epochs = budgets[0];
        }
        if (next != null && epochsStarted(all) + epochs <= maxTotalEpochs) {
            return next;
        }
        return running.isEmpty() ? Suggestion.DONE : Suggestion.WAIT;
    }

    /** The epochs of every job started so far: each trial's latest budget (a continued trial ran only the difference). */
    private static long epochsStarted(List<Trial> all) {
        long sum = 0;
        for (Trial t : all) {
            sum += t.budget();
        }
        return sum;
    }

    private Trial promotion(List<Trial> all, int k, Direction direction) {
        List<Trial> rung = new ArrayList<>();
        for (Trial t : all) {
            if (t.finishedJob(budgets[k])) {
                rung.add(t);
            }
        }
        for (Trial t : Ranking.best(rung, budgets[k], direction, rung.size() / eta)) {
            if (Ranking.promotable(t, budgets[k])) {
                return t;
            }
        }
        return null;
    }

    @Override
    public boolean mayContinue(Trial trial, StudyHistory history) {
        return trial.state() == TrialState.COMPLETE && trial.budget() < budgets[budgets.length - 1];
    }

    @Override
    public CostEstimate cost() {
        long steps = 0;
        for (int k = 0; k < budgets.length; k++) {
            long n = (long) Math.floor(maxTrials / Math.pow(eta, k) + 1e-9);
            steps += n * (budgets[k] - (k == 0 ? 0 : budgets[k - 1]));
        }
        String rungs = "ASHA eta=" + eta + ", rungs " + java.util.Arrays.toString(budgets) + " epochs: ";
        if (maxTotalEpochs < steps) {
            return new CostEstimate(maxTrials, maxTotalEpochs, false, rungs + "up to " + maxTrials + " configurations, at most "
                    + maxTotalEpochs + " epochs in all (a cap; synchronous halving would take " + steps + ")");
        }
        String cap = maxTotalEpochs == Long.MAX_VALUE ? "" : ", never more than " + maxTotalEpochs;
        return new CostEstimate(maxTrials, steps, false, rungs + maxTrials + " configurations, about " + steps + " epochs in all"
                + " (synchronous halving's count; early promotions add some" + cap + ")");
    }

    @Override
    public String describe() {
        return "asha trials=" + maxTrials + " eta=" + eta + " rungs=" + java.util.Arrays.toString(budgets)
                + (maxTotalEpochs == Long.MAX_VALUE ? "" : " max_total_epochs=" + maxTotalEpochs);
    }
}
