package dev.temper.cli.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code temper study} needs to know: the base run (a run file), the regimes (each the base run with
 * some of its keys changed), the seeds and how a run's best epoch is chosen. Read by {@link StudyConfigParser}.
 *
 * @param sourceName how the configuration is named in messages and the report
 * @param text the configuration's text, as written (the report shows it)
 * @param baseDescription the base run in one line, exactly: what every run records it was trained under
 * @param seeds the seeds every regime is trained with
 * @param bestEpochBy the history column a run's best epoch is chosen by ({@code val_loss}, {@code val_accuracy})
 */
public record StudyConfig(String sourceName, String text, TrainConfig base, String baseDescription,
                          List<RegimeConfig> regimes, List<Long> seeds, String bestEpochBy) {

    /**
     * One regime: the base run with the keys of {@code change} replaced.
     *
     * @param change the changed keys in one line of YAML flow style ({@code regularization: {l2: 0.001}})
     * @param config the run it trains
     */
    public record RegimeConfig(String name, String change, TrainConfig config) {}

    public StudyConfig {
        if (regimes.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one regime");
        }
        regimes = List.copyOf(regimes);
        seeds = List.copyOf(seeds);
    }

    /** This study with seeds {@code 1..n} (the command line's {@code --seeds N}). */
    public StudyConfig withSeedCount(int n) {
        Range.AT_LEAST_ONE.check("seeds", n);
        List<Long> s = new ArrayList<>();
        for (long k = 1; k <= n; k++) {
            s.add(k);
        }
        return new StudyConfig(sourceName, text, base, baseDescription, regimes, s, bestEpochBy);
    }

    /** This study with every run on {@code threads} kernel threads (0: all processors). */
    public StudyConfig withThreads(int threads) {
        List<RegimeConfig> r = new ArrayList<>();
        for (RegimeConfig c : regimes) {
            r.add(new RegimeConfig(c.name(), c.change(), c.config().withThreads(threads)));
        }
        return new StudyConfig(sourceName, text, base.withThreads(threads), baseDescription, r, seeds, bestEpochBy);
    }
}
