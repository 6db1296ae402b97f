package dev.temper.study;

import dev.temper.io.AtomicWrite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study's results as files: {@code results.csv} (one row per regime: name, runs, then {@code <quantity>_mean} and
 * {@code <quantity>_std} for every {@link Quantity}) and {@code results.json} (the same per regime, with its
 * description and seeds, every run's figures, and whether the study is complete). Numbers are written in full
 * precision; a figure that is not defined (a standard deviation over one run) is empty in CSV and null in JSON.
 */
public final class ResultFiles {
    private ResultFiles() {}

    /** Writes both files into {@code dir}, atomically. */
    public static void write(Path dir, StudyResult result) {
        AtomicWrite.writeString(dir.resolve("results.csv"), csv(result));
        AtomicWrite.writeString(dir.resolve("results.json"), json(result));
    }

    public static String csv(StudyResult result) {
        StringBuilder sb = new StringBuilder("regime,runs");
        for (Quantity q : Quantity.values()) {
            sb.append(',').append(q.key()).append("_mean,").append(q.key()).append("_std");
        }
        sb.append('\n');
        for (RegimeSummary s : result.summaries()) {
            sb.append(s.regime()).append(',').append(s.runs().size());
            for (Quantity q : Quantity.values()) {
                Statistic st = s.get(q);
                sb.append(',').append(csvNumber(st.mean())).append(',').append(csvNumber(st.std()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static String json(StudyResult result) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("complete", result.complete());
        top.put("planned_runs", result.plannedRuns());
        top.put("finished_runs", result.runs().size());
        top.put("seeds", result.seeds());
        top.put("best_epoch_by", result.bestEpochBy());
        List<Object> regimes = new ArrayList<>();
        for (Regime r : result.regimes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("description", r.description());
            List<RunResult> runs = result.runsOf(r.name());
            m.put("seeds", runs.stream().map(x -> x.key().seed()).toList());
            Map<String, Object> stats = new LinkedHashMap<>();
            List<Object> perRun = new ArrayList<>();
            if (!runs.isEmpty()) {
                RegimeSummary s = RegimeSummary.of(r.name(), r.description(), runs);
                for (Quantity q : Quantity.values()) {
                    Map<String, Object> st = new LinkedHashMap<>();
                    st.put("mean", s.get(q).mean());
                    st.put("std", s.get(q).std());
                    stats.put(q.key(), st);
                }
                for (RunResult run : runs) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("seed", run.key().seed());
                    for (Quantity q : Quantity.values()) {
                        one.put(q.key(), run.value(q));
                    }
                    one.put("stop_reason", run.stopReason());
                    perRun.add(one);
                }
            }
            m.put("quantities", stats);
            m.put("runs", perRun);
            regimes.add(m);
        }
        top.put("regimes", regimes);
        return JsonText.write(top);
    }

    private static String csvNumber(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
