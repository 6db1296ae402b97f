package dev.temper.tune;

import dev.temper.tensor.Rng;
import java.util.List;

/**
 * Evaluates every point of {@link SearchSpace#grid(int)} once, at the full budget, in grid order (trial {@code k}
 * is point {@code k}). With a {@link CrossValidatedObjective} each point's value is the mean over k folds, as in
 * scikit-learn's {@code GridSearchCV}.
 */
public final class GridSearch implements Strategy {
    private final List<Configuration> points;
    private final int pointsPerRange;
    private final int budget;

    /**
     * @param pointsPerRange values per continuous range (categoricals use all their choices)
     * @param budget steps (epochs) per point
     */
    public GridSearch(SearchSpace space, int pointsPerRange, int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("GridSearch: budget must be >= 1, got " + budget);
        }
        this.points = space.grid(pointsPerRange);
        this.pointsPerRange = pointsPerRange;
        this.budget = budget;
    }

    public List<Configuration> points() {
        return points;
    }

    @Override
    public Suggestion suggest(StudyHistory history, List<Integer> running, Rng rng) {
        int next = history.size();
        return next < points.size() ? new Suggestion.NewTrial(points.get(next), budget) : Suggestion.DONE;
    }

    @Override
    public CostEstimate cost() {
        long steps = (long) points.size() * budget;
        return new CostEstimate(points.size(), steps, true, "grid search, " + pointsPerRange + " points per range: "
                + points.size() + " configurations x " + budget + " epochs = " + steps + " epochs in all");
    }

    @Override
    public String describe() {
        return "grid points=" + pointsPerRange + " budget=" + budget;
    }
}
