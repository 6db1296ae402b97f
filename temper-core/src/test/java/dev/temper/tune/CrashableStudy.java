package dev.temper.tune;

import java.nio.file.Path;

/**
 * A study slow enough to be killed in the middle (each evaluation sleeps), run in a child JVM by
 * {@link CrashResumeTest}. Resumes when its journal exists.
 */
public final class CrashableStudy {
    static final SearchSpace SPACE = SearchSpace.of(FloatRange.uniform("x", -1, 1), IntegerRange.uniform("n", 1, 5));
    static final int TRIALS = 12;

    private CrashableStudy() {}

    static Study study(Path journal, long sleepMillis) {
        Objective slow = Objective.of(c -> {
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return c.doubleValue("x") * c.doubleValue("x") + c.intValue("n");
        });
        return Study.builder(SPACE, new RandomSearch(SPACE, TRIALS, 1), slow).seed(11).parallel(2)
                .journal(journal).resume(true).build();
    }

    public static void main(String[] args) {
        study(Path.of(args[0]), Long.parseLong(args[1])).run();
    }
}
