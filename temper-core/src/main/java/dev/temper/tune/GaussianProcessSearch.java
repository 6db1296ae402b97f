package dev.temper.tune;

import dev.temper.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bayesian optimization with a {@link GaussianProcess} and expected improvement (Jones, Schonlau and Welch,
 * "Efficient global optimization of expensive black-box functions", J. Global Optimization 1998; Snoek, Larochelle
 * and Adams, NeurIPS 2012). After {@code startupTrials} random trials, each suggestion fits the process to the
 * completed trials' losses and proposes the point of largest
 * {@code EI(x) = (f* - mu(x)) Phi(z) + sigma(x) phi(z)}, {@code z = (f* - mu(x)) / sigma(x)}, {@code f*} the best
 * loss so far. EI is maximized by sampling ({@code candidates} random points, plus small moves around the best
 * trials) and a local search from the best few: Gaussian moves whose width halves when they stop helping.
 *
 * <p>Jobs still running are not modelled (no "constant liar"): parallel suggestions differ through their seeds.
 */
public final class GaussianProcessSearch implements Strategy {
    private static final int LOCAL_STARTS = 5;
    private static final int LOCAL_STEPS = 40;

    private final SearchSpace space;
    private final UnitEncoding encoding;
    private final int trials;
    private final int budget;
    private final int startupTrials;
    private final int candidates;

    public GaussianProcessSearch(SearchSpace space, int trials, int budget, int startupTrials, int candidates) {
        if (trials < 1 || budget < 1 || startupTrials < 2 || candidates < 1) {
            throw new IllegalArgumentException("GaussianProcessSearch: trials, budget and candidates must be >= 1 and startupTrials"
                    + " >= 2, got trials " + trials + ", budget " + budget + ", startupTrials " + startupTrials + ", candidates " + candidates);
        }
        this.space = space;
        this.encoding = new UnitEncoding(space);
        this.trials = trials;
        this.budget = budget;
        this.startupTrials = startupTrials;
        this.candidates = candidates;
    }

    /** {@code max(5, 2 d)} random start-up trials ({@code d} coordinates) and 1000 random candidates per step. */
    public static GaussianProcessSearch defaults(SearchSpace space, int trials, int budget) {
        return new GaussianProcessSearch(space, trials, budget, Math.max(5, 2 * new UnitEncoding(space).dimensions()), 1000);
    }

    @Override
    public Suggestion suggest(StudyHistory history, List<Integer> running, Rng rng) {
        if (history.size() >= trials) {
            return Suggestion.DONE;
        }
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Trial t : history.trials()) {
            if (t.state() == TrialState.COMPLETE && Double.isFinite(t.value())) {
                xs.add(encoding.encode(t.configuration()));
                ys.add(history.direction().loss(t.value()));
            }
        }
        if (xs.size() < startupTrials) {
            return new Suggestion.NewTrial(space.sample(rng), budget);
        }
        double[][] x = xs.toArray(new double[0][]);
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        GaussianProcess gp = GaussianProcess.fit(x, y, rng);
        double incumbent = Arrays.stream(y).min().orElseThrow();
        int d = encoding.dimensions();
        List<double[]> pool = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            pool.add(encoding.encode(space.sample(rng)));
        }
        Integer[] byLoss = new Integer[y.length];
        for (int i = 0; i < y.length; i++) {
            byLoss[i] = i;
        }
        Arrays.sort(byLoss, (a, b) -> Double.compare(y[a], y[b]));
        for (int k = 0; k < Math.min(LOCAL_STARTS, y.length); k++) {
            for (int j = 0; j < 20; j++) {
                pool.add(move(x[byLoss[k]], 0.05, rng, d));
            }
        }
        double[] scores = new double[pool.size()];
        Integer[] order = new Integer[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            scores[i] = expectedImprovement(gp, pool.get(i), incumbent);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double[] best = pool.get(order[0]);
        double bestScore = scores[order[0]];
        for (int k = 0; k < Math.min(LOCAL_STARTS, order.length); k++) {
            double[] point = pool.get(order[k]);
            double score = scores[order[k]];
            double width = 0.1;
            for (int step = 0; step < LOCAL_STEPS && width > 1e-4; step++) {
                double[] next = move(point, width, rng, d);
                double s = expectedImprovement(gp, next, incumbent);
                if (s > score) {
                    point = next;
                    score = s;
                } else {
                    width /= 2;
                }
            }
            if (score > bestScore) {
                best = point;
                bestScore = score;
            }
        }
        return new Suggestion.NewTrial(encoding.decode(best), budget);
    }

    /** A Gaussian move of {@code point} clipped to the cube, decoded and re-encoded so it stays a valid configuration. */
    private double[] move(double[] point, double width, Rng rng, int d) {
        double[] next = new double[d];
        for (int i = 0; i < d; i++) {
            next[i] = Math.max(0, Math.min(1, point[i] + width * rng.nextGaussian()));
        }
        return encoding.encode(encoding.decode(next));
    }

    static double expectedImprovement(GaussianProcess gp, double[] point, double incumbent) {
        double[] p = gp.predict(point);
        double mu = p[0];
        double sigma = p[1];
        if (!(sigma > 0)) {
            return Math.max(0, incumbent - mu);
        }
        double z = (incumbent - mu) / sigma;
        double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        return (incumbent - mu) * ParzenEstimator.cdf(z) + sigma * pdf;
    }

    @Override
    public CostEstimate cost() {
        long steps = (long) trials * budget;
        return new CostEstimate(trials, steps, true, "Gaussian process with expected improvement (" + startupTrials
                + " random start-up trials): " + trials + " configurations x " + budget + " epochs = " + steps + " epochs in all");
    }

    @Override
    public String describe() {
        return "gp trials=" + trials + " budget=" + budget + " startup=" + startupTrials + " candidates=" + candidates;
    }
}
