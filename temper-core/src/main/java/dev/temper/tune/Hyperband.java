package dev.temper.tune;

import dev.temper.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Hyperband (Li, Jamieson, DeSalvo, Rostamizadeh and Talwalkar, "Hyperband: a novel bandit-based approach to
 * hyperparameter optimization", JMLR 18, 2017, Algorithm 1). With maximum budget {@code R} (epochs) and
 * {@code eta}, {@code s_max = floor(log_eta R)}; bracket {@code s = s_max..0} draws
 * {@code n = ceil((s_max + 1) / (s + 1) eta^s)} random configurations, trains them for {@code r = R eta^-s}
 * epochs, and runs successive halving: after rung {@code i} (budget {@code r eta^i}) the best
 * {@code floor(n eta^-(i+1))} continue to the next rung. Brackets run one after another, each rung's promotions
 * waiting for the whole rung (the synchronous algorithm; {@link Asha} is the asynchronous one).
 *
 * <p>A promoted trial continues its run from where it stopped (the epochs it has are kept), so a bracket costs
 * {@code sum_i n_i (r_i - r_(i-1))} epochs, not {@code sum_i n_i r_i}. Trials are numbered bracket by bracket.
 */
public final class Hyperband implements Strategy {
    private final SearchSpace space;
    private final int maxBudget;
    private final int eta;
    private final List<int[]> rungSizes = new ArrayList<>();
    private final List<int[]> rungBudgets = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();

    /** {@code eta = 3}, the paper's choice. */
    public static Hyperband of(SearchSpace space, int maxBudget) {
        return new Hyperband(space, maxBudget, 3);
    }

    public Hyperband(SearchSpace space, int maxBudget, int eta) {
        if (maxBudget < 1 || eta < 2) {
            throw new IllegalArgumentException("Hyperband: needs maxBudget >= 1 and eta >= 2, got maxBudget " + maxBudget + ", eta " + eta);
        }
        this.space = space;
        this.maxBudget = maxBudget;
        this.eta = eta;
        int sMax = (int) Math.floor(Math.log(maxBudget) / Math.log(eta) + 1e-9);
        int offset = 0;
        for (int s = sMax; s >= 0; s--) {
            int n = (int) Math.ceil((sMax + 1.0) / (s + 1.0) * Math.pow(eta, s) - 1e-9);
            int[] sizes = new int[s + 1];
            int[] budgets = new int[s + 1];
            for (int i = 0; i <= s; i++) {
                sizes[i] = (int) Math.floor(n * Math.pow(eta, -i) + 1e-9);
                int r = (int) Math.round(maxBudget * Math.pow(eta, i - s));
                budgets[i] = Math.max(i == 0 ? 1 : budgets[i - 1] + 1, Math.min(maxBudget, r));
            }
            budgets[s] = maxBudget;
            rungSizes.add(sizes);
            rungBudgets.add(budgets);
            offsets.add(offset);
            offset += n;
        }
    }

    public int brackets() {
        return rungSizes.size();
    }

    @Override
    public Suggestion suggest(StudyHistory history, List<Integer> running, Rng rng) {
        List<Trial> all = history.trials();
        for (int b = 0; b < brackets(); b++) {
            int[] sizes = rungSizes.get(b);
            int[] budgets = rungBudgets.get(b);
            int start = offsets.get(b);
            if (all.size() < start + sizes[0]) {
                return new Suggestion.NewTrial(space.sample(rng), budgets[0]);
            }
            List<Trial> bracket = all.subList(start, start + sizes[0]);
            for (int i = 0; i < budgets.length; i++) {
                int budget = budgets[i];
                List<Trial> rung = new ArrayList<>();
                for (Trial t : bracket) {
                    if (t.budget() >= budget) {
                        rung.add(t);
                    }
                }
                for (Trial t : rung) {
                    if (!t.finishedJob(budget)) {
                        return Suggestion.WAIT; // the rung is still running
                    }
                }
                if (i + 1 == budgets.length) {
                    break; // the bracket's last rung is done
                }
                for (Trial t : Ranking.best(rung, budget, history.direction(), sizes[i + 1])) {
                    if (Ranking.promotable(t, budget)) {
                        return new Suggestion.Continue(t.number(), budgets[i + 1]);
                    }
                }
            }
        }
        return Suggestion.DONE;
    }

    @Override
    public boolean mayContinue(Trial trial, StudyHistory history) {
        for (int b = 0; b < brackets(); b++) {
            int start = offsets.get(b);
            int[] sizes = rungSizes.get(b);
            if (trial.number() < start || trial.number() >= start + sizes[0]) {
                continue;
            }
            int[] budgets = rungBudgets.get(b);
            for (int i = 0; i + 1 < budgets.length; i++) {
                int budget = budgets[i];
                if (Ranking.promotable(trial, budget)) {
                    List<Trial> all = history.trials();
                    List<Trial> rung = new ArrayList<>();
                    for (Trial t : all.subList(start, Math.min(all.size(), start + sizes[0]))) {
                        if (t.budget() >= budget) {
                            rung.add(t);
                        }
                    }
                    boolean rungDone = rung.size() == sizes[i] && rung.stream().allMatch(t -> t.finishedJob(budget));
                    return !rungDone || Ranking.best(rung, budget, history.direction(), sizes[i + 1]).stream()
                            .anyMatch(t -> t.number() == trial.number());
                }
            }
        }
        return false;
    }

    @Override
    public CostEstimate cost() {
        long configurations = 0;
        long steps = 0;
        for (int b = 0; b < brackets(); b++) {
            int[] sizes = rungSizes.get(b);
            int[] budgets = rungBudgets.get(b);
            configurations += sizes[0];
            for (int i = 0; i < sizes.length; i++) {
                steps += (long) sizes[i] * (budgets[i] - (i == 0 ? 0 : budgets[i - 1]));
            }
        }
        return new CostEstimate(configurations, steps, true, "Hyperband R=" + maxBudget + ", eta=" + eta + ": " + brackets()
                + " brackets, " + configurations + " configurations, " + steps + " epochs in all");
    }

    @Override
    public String describe() {
        return "hyperband R=" + maxBudget + " eta=" + eta;
    }
}
