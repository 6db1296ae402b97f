package dev.temper.tune;

import dev.temper.tensor.Rng;
import java.util.List;

/**
 * {@code trials} configurations drawn independently and uniformly (log-uniformly on log scales) from the space,
 * each at the full budget (Bergstra and Bengio, "Random search for hyper-parameter optimization", JMLR 2012).
 */
public final class RandomSearch implements Strategy {
    private final SearchSpace space;
    private final int trials;
    private final int budget;

    public RandomSearch(SearchSpace space, int trials, int budget) {
        if (trials < 1 || budget < 1) {
            throw new IllegalArgumentException("RandomSearch: trials and budget must be >= 1, got trials " + trials + ", budget " + budget);
        }
        this.space = space;
        this.trials = trials;
        this.budget = budget;
    }

    @Override
    public Suggestion suggest(StudyHistory history, List<Integer> running, Rng rng) {
        return history.size() < trials ? new Suggestion.NewTrial(space.sample(rng), budget) : Suggestion.DONE;
    }

    @Override
    public CostEstimate cost() {
        long steps = (long) trials * budget;
        return new CostEstimate(trials, steps, true, "random search: " + trials + " configurations x " + budget
                + " epochs = " + steps + " epochs in all");
    }

    @Override
    public String describe() {
        return "random trials=" + trials + " budget=" + budget;
    }
}
