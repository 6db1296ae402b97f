package dev.temper.tune;

/** What a {@link Strategy} asks the study to do next. */
public sealed interface Suggestion permits Suggestion.NewTrial, Suggestion.Continue, Suggestion.Wait, Suggestion.Done {

    /** Evaluate a new configuration for {@code budget} steps. */
    record NewTrial(Configuration configuration, int budget) implements Suggestion {
        public NewTrial {
            if (budget < 1) {
                throw new IllegalArgumentException("NewTrial: budget must be >= 1, got " + budget);
            }
        }
    }

    /** Continue trial {@code trial}, now complete at a smaller budget, to {@code budget} steps. */
    record Continue(int trial, int budget) implements Suggestion {}

    /** Nothing can be proposed until a running job finishes (a rung of successive halving is incomplete). */
    record Wait() implements Suggestion {}

    /** The strategy has nothing more to run; the study ends when the running jobs have finished. */
    record Done() implements Suggestion {}

    Suggestion WAIT = new Wait();
    Suggestion DONE = new Done();
}
