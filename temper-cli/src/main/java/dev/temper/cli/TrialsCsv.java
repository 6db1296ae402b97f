package dev.temper.cli;

import dev.temper.tune.Hyperparameter;
import dev.temper.tune.SearchSpace;
import dev.temper.tune.Trial;
import java.util.List;

/** {@code trials.csv}: one row per trial, its parameters as columns (empty where inactive). */
final class TrialsCsv {
    private TrialsCsv() {}

    static String render(SearchSpace space, List<Trial> trials) {
        StringBuilder sb = new StringBuilder("trial,state,value,epochs_budget,epochs_run,seconds,seed");
        for (Hyperparameter p : space.parameters()) {
            sb.append(',').append(p.name());
        }
        sb.append(",reason\n");
        for (Trial t : trials) {
            sb.append(t.number()).append(',').append(t.state().yamlName()).append(',')
                    .append(Double.isFinite(t.value()) ? Double.toString(t.value()) : "").append(',')
                    .append(t.budget()).append(',').append(t.epochs()).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.3f", t.seconds())).append(',').append(t.seed());
            for (Hyperparameter p : space.parameters()) {
                sb.append(',');
                if (t.configuration().has(p.name())) {
                    sb.append(field(String.valueOf(t.configuration().get(p.name()))));
                }
            }
            sb.append(',').append(field(t.reason())).append('\n');
        }
        return sb.toString();
    }

    private static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"").replace("\n", " ") + "\"";
        }
        return s;
    }
}
