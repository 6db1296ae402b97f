package dev.temper.report;

import dev.temper.tune.Categorical;
import dev.temper.tune.Direction;
import dev.temper.tune.FloatRange;
import dev.temper.tune.Hyperparameter;
import dev.temper.tune.IntegerRange;
import dev.temper.tune.Leaderboard;
import dev.temper.tune.ParameterImportance;
import dev.temper.tune.Scale;
import dev.temper.tune.SearchSpace;
import dev.temper.tune.Trial;
import dev.temper.tune.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page of a {@code temper tune} study: leaderboard, optimization history, best-so-far curve, one scatter plot
 * per parameter, and a parameter-importance estimate ({@link ParameterImportance}).
 */
public final class TuneReport {
    private static final int WIDTH = 520;
    private static final int HEIGHT = 340;

    private TuneReport() {}

    public static HtmlPage page(SearchSpace space, List<Trial> trials, Direction direction, String valueName, String budget) {
        long failed = trials.stream().filter(t -> t.state() == TrialState.FAILED).count();
        long pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).count();
        long epochs = trials.stream().mapToLong(Trial::epochs).sum();
        HtmlPage page = new HtmlPage("temper tune", String.format(Locale.ROOT,
                "%d trials (%d failed, %d pruned), %d epochs in all. Planned: %s. Values are %s (%s).",
                trials.size(), failed, pruned, epochs, budget, valueName, direction.yamlName()));
        page.heading("Leaderboard", "leaderboard");
        List<List<String>> rows = new ArrayList<>();
        List<Trial> ranked = Leaderboard.ranked(trials, direction);
        for (int i = 0; i < Math.min(20, ranked.size()); i++) {
            Trial t = ranked.get(i);
            rows.add(List.of(Integer.toString(i + 1), Integer.toString(t.number()),
                    Double.isFinite(t.value()) ? String.format(Locale.ROOT, "%.4f", t.value()) : "-", Integer.toString(t.budget()),
                    t.state().yamlName(), t.configuration().describe(), t.reason()));
        }
        page.table(List.of("rank", "trial", valueName, "epochs", "state", "configuration", "reason"), rows);

        List<Trial> valued = trials.stream().filter(Trial::hasValue).toList();
        if (valued.isEmpty()) {
            page.paragraph("No trial has a value yet: no charts.");
            return page;
        }
        page.heading("Optimization history", "history");
        page.figure(history(valued, valueName), "Each trial's value at the end of its last job, by trial number.");
        page.figure(bestSoFar(trials, direction, valueName), "The best value of any trial finished so far (at any budget).");

        List<Trial> comparable = ParameterImportance.comparable(trials);
        page.heading("Parameters", "parameters");
        page.paragraph("Each point is a complete trial at the largest budget with at least five of them (" + comparable.size()
                + " trials).");
        for (Hyperparameter p : space.parameters()) {
            List<double[]> xy = new ArrayList<>();
            for (Trial t : comparable) {
                if (t.configuration().has(p.name())) {
                    Object v = t.configuration().get(p.name());
                    double x = p instanceof Categorical c ? c.indexOf(v) : ((Number) v).doubleValue();
                    xy.add(new double[] {x, t.value()});
                }
            }
            if (xy.isEmpty()) {
                continue;
            }
            boolean log = p instanceof FloatRange f && f.scale() == Scale.LOG || p instanceof IntegerRange r && r.scale() == Scale.LOG;
            String xLabel = p instanceof Categorical c ? p.name() + " (choice index of " + c.choices() + ")" : p.name();
            page.figure(Charts.scatter(p.name(), xLabel, valueName, List.of("trials"),
                    List.of(xy.stream().mapToDouble(v -> v[0]).toArray()), List.of(xy.stream().mapToDouble(v -> v[1]).toArray()),
                    log, WIDTH, HEIGHT), valueName + " against " + p.name() + ".");
        }
        Map<String, Double> importance = ParameterImportance.estimate(space, trials);
        List<String> names = new ArrayList<>(importance.keySet());
        double[] values = names.stream().mapToDouble(n -> Double.isNaN(importance.get(n)) ? 0 : importance.get(n)).toArray();
        page.heading("Parameter importance", "importance");
        page.figure(Charts.bars("Parameter importance (eta squared)", "share of variance", names, List.of("eta^2"), List.of(values),
                null, WIDTH, HEIGHT), "The share of the variance of the values explained by each parameter alone (correlation"
                + " ratio over quantile bins). It misses interactions and overstates with few trials.");
        return page;
    }

    private static Svg history(List<Trial> valued, String valueName) {
        List<String> groups = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (TrialState s : List.of(TrialState.COMPLETE, TrialState.PRUNED)) {
            List<Trial> g = valued.stream().filter(t -> t.state() == s).toList();
            if (!g.isEmpty()) {
                groups.add(s.yamlName());
                xs.add(g.stream().mapToDouble(Trial::number).toArray());
                ys.add(g.stream().mapToDouble(Trial::value).toArray());
            }
        }
        return Charts.scatter("Optimization history", "trial", valueName, groups, xs, ys, false, WIDTH, HEIGHT);
    }

    private static Svg bestSoFar(List<Trial> trials, Direction direction, String valueName) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double best = Double.NaN;
        for (Trial t : trials) {
            if (t.hasValue() && (Double.isNaN(best) || direction.better(t.value(), best))) {
                best = t.value();
            }
            if (!Double.isNaN(best)) {
                x.add((double) t.number());
                y.add(best);
            }
        }
        Curve c = Curve.line("best so far", x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
        return Charts.lines("Best so far", "trial", valueName, List.of(c), new int[] {0}, false, WIDTH, HEIGHT);
    }
}
