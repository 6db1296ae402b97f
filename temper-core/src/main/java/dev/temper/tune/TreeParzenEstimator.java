package dev.temper.tune;

import dev.temper.tensor.Rng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree-structured Parzen estimator (Bergstra, Bardenet, Bengio and Kegl, "Algorithms for hyper-parameter
 * optimization", NeurIPS 2011). The completed trials are split at a quantile of their losses into good ones
 * ({@code l}) and the rest ({@code g}); each parameter, in order, gets {@code candidates} draws from its Parzen
 * density over the good trials' values, and the draw maximizing {@code l(x) / g(x)} (expected improvement under
 * the model, section 4.1) is kept. Parameters are modelled independently, as in the paper and hyperopt; a
 * conditional parameter is modelled only on the trials where it was active (the "tree").
 *
 * <p>Defaults, all Optuna's ({@code TPESampler}): 10 random start-up trials, 24 candidates, prior weight 1, and a
 * good set of {@code min(ceil(0.1 n), 25)} of {@code n} trials. (Hyperopt's good set, {@code ceil(0.25 sqrt(n))},
 * is 8 trials at {@code n = 1000}: its densities stay broad, and on Hartmann-6 it needed about four times Optuna's
 * evaluations to come within 1% of the minimum, see BENCHMARKS.md.) In both densities the trials beyond the newest
 * 25 are weighted down linearly ({@link ParzenEstimator#forgettingWeights}), as in both libraries. A categorical's
 * prior weight is spread evenly over its choices (Optuna's way). Failed and pruned trials are left out.
 */
public final class TreeParzenEstimator implements Strategy {
    private final SearchSpace space;
    private final int trials;
    private final int budget;
    private final int startupTrials;
    private final int candidates;
    private final double priorWeight;

    public TreeParzenEstimator(SearchSpace space, int trials, int budget, int startupTrials, int candidates, double priorWeight) {
        if (trials < 1 || budget < 1 || startupTrials < 1 || candidates < 1 || !(priorWeight > 0)) {
            throw new IllegalArgumentException("TreeParzenEstimator: trials, budget, startupTrials and candidates must be >= 1 and"
                    + " priorWeight > 0, got trials " + trials + ", budget " + budget + ", startupTrials " + startupTrials
                    + ", candidates " + candidates + ", priorWeight " + priorWeight);
        }
        this.space = space;
        this.trials = trials;
        this.budget = budget;
        this.startupTrials = startupTrials;
        this.candidates = candidates;
        this.priorWeight = priorWeight;
    }

    /** With the defaults of the class comment. */
    public static TreeParzenEstimator defaults(SearchSpace space, int trials, int budget) {
        return new TreeParzenEstimator(space, trials, budget, 10, 24, 1.0);
    }

    @Override
    public Suggestion suggest(StudyHistory history, List<Integer> running, Rng rng) {
        if (history.size() >= trials) {
            return Suggestion.DONE;
        }
        List<Trial> observed = new ArrayList<>();
        for (Trial t : history.trials()) {
            if (t.state() == TrialState.COMPLETE && Double.isFinite(t.value())) {
                observed.add(t);
            }
        }
        if (observed.size() < startupTrials) {
            return new Suggestion.NewTrial(space.sample(rng), budget);
        }
        Direction direction = history.direction();
        observed.sort(Comparator.comparingDouble(t -> direction.loss(t.value())));
        int good = goodTrials(observed.size());
        List<Trial> below = observed.subList(0, good);
        List<Trial> above = observed.subList(good, observed.size());
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (Hyperparameter p : space.parameters()) {
            if (SearchSpace.isActive(p, chosen)) {
                chosen.put(p.name(), propose(p, below, above, rng));
            }
        }
        return new Suggestion.NewTrial(new Configuration(chosen), budget);
    }

    /** Optuna's {@code default_gamma}: the best tenth of the trials, at most 25. */
    static int goodTrials(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    private Object propose(Hyperparameter p, List<Trial> below, List<Trial> above, Rng rng) {
        double[] l = units(p, below);
        double[] g = units(p, above);
        if (p instanceof Categorical c) {
            double[] pl = categoryWeights(c, l);
            double[] pg = categoryWeights(c, g);
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < candidates; i++) {
                int k = draw(pl, rng);
                double score = Math.log(pl[k]) - Math.log(pg[k]);
                if (score > bestScore) {
                    bestScore = score;
                    best = k;
                }
            }
            return c.choices().get(best);
        }
        ParzenEstimator good = new ParzenEstimator(l, ParzenEstimator.forgettingWeights(l.length), priorWeight);
        ParzenEstimator bad = new ParzenEstimator(g, ParzenEstimator.forgettingWeights(g.length), priorWeight);
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates; i++) {
            double x = good.sample(rng);
            double score = good.logDensity(x) - bad.logDensity(x);
            if (score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        return p.fromUnit(best);
    }

    /** The unit-interval values of {@code p} in the trials where it was active, oldest trial first. */
    private static double[] units(Hyperparameter p, List<Trial> trials) {
        List<Trial> inOrder = new ArrayList<>(trials);
        inOrder.sort(Comparator.comparingInt(Trial::number));
        List<Double> out = new ArrayList<>();
        for (Trial t : inOrder) {
            if (t.configuration().has(p.name())) {
                out.add(p.toUnit(t.configuration().get(p.name())));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Weighted counts per choice (oldest trials weighted down) plus the prior weight spread evenly, normalized. */
    private double[] categoryWeights(Categorical c, double[] units) {
        int k = c.choices().size();
        double[] w = new double[k];
        java.util.Arrays.fill(w, priorWeight / k);
        double[] forgetting = ParzenEstimator.forgettingWeights(units.length);
        for (int i = 0; i < units.length; i++) {
            w[(int) Math.round(units[i] * (k - 1))] += forgetting[i];
        }
        double total = 0;
        for (double x : w) {
            total += x;
        }
        for (int i = 0; i < k; i++) {
            w[i] /= total;
        }
        return w;
    }

    private static int draw(double[] p, Rng rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < p.length - 1; i++) {
            if (u < p[i]) {
                return i;
            }
            u -= p[i];
        }
        return p.length - 1;
    }

    @Override
    public CostEstimate cost() {
        long steps = (long) trials * budget;
        return new CostEstimate(trials, steps, true, "TPE (" + startupTrials + " random start-up trials): " + trials
                + " configurations x " + budget + " epochs = " + steps + " epochs in all");
    }

    @Override
    public String describe() {
        return "tpe trials=" + trials + " budget=" + budget + " startup=" + startupTrials + " candidates=" + candidates;
    }
}
