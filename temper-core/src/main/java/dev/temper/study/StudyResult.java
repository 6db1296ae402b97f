package dev.temper.study;

import java.util.ArrayList;
import java.util.List;

/**
 * What a study has finished: every run found or trained, grouped by regime in the study's order, and whether all
 * planned runs are among them (false after an interruption).
 *
 * @param regimes the regimes in the study's order (names and descriptions)
 * @param seeds the seeds planned for each regime
 * @param bestEpochBy the history column the best epoch is chosen by, and its direction
 */
public record StudyResult(List<Regime> regimes, List<Long> seeds, List<RunResult> runs, boolean complete,
                          String bestEpochBy, boolean higherIsBetter) {
    public StudyResult {
        regimes = List.copyOf(regimes);
        seeds = List.copyOf(seeds);
        runs = List.copyOf(runs);
    }

    /** Runs planned in all: regimes times seeds. */
    public int plannedRuns() {
        return regimes.size() * seeds.size();
    }

    /** The finished runs of {@code regime}, in seed order. */
    public List<RunResult> runsOf(String regime) {
        List<RunResult> out = new ArrayList<>();
        for (long seed : seeds) {
            for (RunResult r : runs) {
                if (r.key().regime().equals(regime) && r.key().seed() == seed) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** One summary per regime with at least one finished run, in the study's order. */
    public List<RegimeSummary> summaries() {
        List<RegimeSummary> out = new ArrayList<>();
        for (Regime r : regimes) {
            List<RunResult> mine = runsOf(r.name());
            if (!mine.isEmpty()) {
                out.add(RegimeSummary.of(r.name(), r.description(), mine));
            }
        }
        return out;
    }

    /** The summary of {@code regime}; throws when it has no finished run. */
    public RegimeSummary summary(String regime) {
        for (RegimeSummary s : summaries()) {
            if (s.regime().equals(regime)) {
                return s;
            }
        }
        throw new IllegalArgumentException("StudyResult: regime '" + regime + "' has no finished run");
    }
}
