package dev.temper.tune;

import dev.temper.tensor.Rng;
import java.util.List;

/**
 * Proposes what a study evaluates next. A strategy keeps no state between calls: a suggestion is a function of
 * the history and of {@code rng}, which the study seeds by the study seed and the number the next new trial
 * would get. So a study replayed from its journal suggests exactly what it would have.
 *
 * <p>Strategies minimize {@link Direction#loss}; failed trials rank last.
 */
public interface Strategy {

    /**
     * The next job. {@code running} lists the trials with a job in flight (their numbers), which a synchronous
     * strategy waits for and an asynchronous one works around.
     */
    Suggestion suggest(StudyHistory history, List<Integer> running, Rng rng);

    /** The planned cost, printed before the study starts. */
    CostEstimate cost();

    /**
     * Whether the study should keep trial {@code trial}'s run in memory because this strategy may continue it.
     * False by default: single-fidelity strategies never continue a trial.
     */
    default boolean mayContinue(Trial trial, StudyHistory history) {
        return false;
    }

    /** The strategy and its settings in a few words (the journal records it to refuse resuming another study). */
    String describe();
}
