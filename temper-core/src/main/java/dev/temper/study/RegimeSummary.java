package dev.temper.study;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One regime's finished runs and, for every {@link Quantity}, its mean and standard deviation over them. */
public record RegimeSummary(String regime, String description, List<RunResult> runs, Map<Quantity, Statistic> statistics) {
    public RegimeSummary {
        runs = List.copyOf(runs);
        statistics = Collections.unmodifiableMap(new EnumMap<>(statistics));
    }

    static RegimeSummary of(String regime, String description, List<RunResult> runs) {
        Map<Quantity, Statistic> stats = new EnumMap<>(Quantity.class);
        for (Quantity q : Quantity.values()) {
            double[] v = new double[runs.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = runs.get(i).value(q);
            }
            stats.put(q, Statistic.of(v));
        }
        return new RegimeSummary(regime, description, runs, stats);
    }

    public Statistic get(Quantity q) {
        return statistics.get(q);
    }

    /** Shorthand for {@code get(q).mean()}. */
    public double mean(Quantity q) {
        return statistics.get(q).mean();
    }
}
