package dev.temper.tune;

import java.util.function.ToDoubleFunction;

/** What a study evaluates: for each configuration and seed, a {@link TrialRun} that advances step by step. */
@FunctionalInterface
public interface Objective {

    TrialRun start(Configuration configuration, long seed) throws Exception;

    /**
     * A deterministic function of the configuration, evaluated once per trial (budget steps beyond the first
     * return the same value without evaluating again): test functions such as Branin.
     */
    static Objective of(ToDoubleFunction<Configuration> function) {
        return (configuration, seed) -> new TrialRun() {
            private double value = Double.NaN;
            private boolean evaluated;

            @Override
            public double advance() {
                if (!evaluated) {
                    value = function.applyAsDouble(configuration);
                    evaluated = true;
                }
                return value;
            }
        };
    }
}
