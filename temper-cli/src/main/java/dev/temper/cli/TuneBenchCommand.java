package dev.temper.cli;

import dev.temper.cli.config.TuneConfig;
import dev.temper.cli.config.TuneConfigParser;
import dev.temper.tensor.Parallel;
import dev.temper.train.Monitor;
import dev.temper.train.MonitorMode;
import dev.temper.tune.Asha;
import dev.temper.tune.GaussianProcessSearch;
import dev.temper.tune.RandomSearch;
import dev.temper.tune.Strategy;
import dev.temper.tune.Study;
import dev.temper.tune.StudyResult;
import dev.temper.tune.TestFunction;
import dev.temper.tune.TrainingObjective;
import dev.temper.tune.TreeParzenEstimator;
import dev.temper.tune.Trial;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code temper tune-bench [--seeds N] [--random-cap N] [--tpe-cap N] [--gp-cap N] [--functions F,..] [--strategies S,..]}:
 * evaluations each strategy needs to get within 1% of the known minimum of Branin and Hartmann-6, median over
 * seeds; {@code temper tune-bench --mnist [--mnist-part grid|asha]}: ASHA on the default search, capped at 40% of
 * the grid's epochs, against a 27-point grid on the default MLP and the embedded MNIST subset (accuracy found, epochs
 * spent); {@code --mnist-part} runs one of the two (they are independent, so two processes can share the work).
 */
final class TuneBenchCommand {
    static final String USAGE = "temper tune-bench [--seeds N] [--random-cap N] [--tpe-cap N] [--gp-cap N]"
            + " [--functions branin,hartmann6] [--strategies random,tpe,gp] [--mnist [--mnist-part grid|asha]] [--threads N]"
            + " (with --mnist, --seeds N runs ASHA from N study seeds)";
    private static final Map<String, TestFunction> FUNCTIONS = new LinkedHashMap<>();
    private static final List<String> STRATEGIES = List.of("random", "tpe", "gp");

    static {
        FUNCTIONS.put("branin", TestFunction.branin());
        FUNCTIONS.put("hartmann6", TestFunction.hartmann6());
    }

    private TuneBenchCommand() {}

    static int run(List<String> args, PrintStream out) throws java.io.IOException {
        Arguments a = Arguments.parse("tune-bench", args, Set.of("--seeds", "--random-cap", "--tpe-cap", "--gp-cap", "--functions",
                "--strategies", "--threads", "--mnist-part"), Set.of("--mnist"));
        int threads = (int) a.longOption("tune-bench", "--threads", Runtime.getRuntime().availableProcessors(), 1);
        Parallel.setThreads(threads);
        if (a.flag("--mnist") || a.option("--mnist-part") != null) {
            return mnist(names(a, "--mnist-part", List.of("grid", "asha")), (int) a.longOption("tune-bench", "--seeds", 1, 1), out);
        }
        int seeds = (int) a.longOption("tune-bench", "--seeds", 10, 1);
        Map<String, Integer> caps = Map.of("random", (int) a.longOption("tune-bench", "--random-cap", 3000, 1),
                "tpe", (int) a.longOption("tune-bench", "--tpe-cap", 3000, 1), "gp", (int) a.longOption("tune-bench", "--gp-cap", 150, 1));
        List<String> functions = names(a, "--functions", new ArrayList<>(FUNCTIONS.keySet()));
        List<String> strategies = names(a, "--strategies", STRATEGIES);
        out.printf(Locale.ROOT, "evaluations to reach within 1%% of the minimum, median over %d seeds (caps: random %d, TPE %d, GP %d;"
                + " a run that never reaches it counts as cap + 1)%n", seeds, caps.get("random"), caps.get("tpe"), caps.get("gp"));
        out.println("| function | strategy | median evaluations | reached | median best value at stop | median seconds |");
        out.println("|---|---|---:|---:|---:|---:|");
        for (String fn : functions) {
            TestFunction f = FUNCTIONS.get(fn);
            for (String name : strategies) {
                int cap = caps.get(name);
                double[] evaluations = new double[seeds];
                double[] bests = new double[seeds];
                double[] seconds = new double[seeds];
                int reached = 0;
                for (int seed = 0; seed < seeds; seed++) {
                    Strategy s = switch (name) {
                        case "random" -> new RandomSearch(f.space(), cap, 1);
                        case "tpe" -> TreeParzenEstimator.defaults(f.space(), cap, 1);
                        default -> GaussianProcessSearch.defaults(f.space(), cap, 1);
                    };
                    StudyResult r = Study.builder(f.space(), s, f.objective()).seed(seed)
                            .stopWhen(t -> f.within(t.value(), 0.01)).build().run();
                    Trial hit = r.history().trials().stream().filter(t -> f.within(t.value(), 0.01)).findFirst().orElse(null);
                    evaluations[seed] = hit == null ? cap + 1 : hit.number() + 1;
                    reached += hit == null ? 0 : 1;
                    bests[seed] = r.best().value();
                    seconds[seed] = r.seconds();
                }
                double median = median(evaluations);
                out.printf(Locale.ROOT, "| %s | %s | %s | %d/%d | %.5f | %.2f |%n", f.name(), name,
                        median > cap ? "> " + cap : String.format(Locale.ROOT, "%.1f", median), reached, seeds, median(bests), median(seconds));
                out.printf(Locale.ROOT, "  evaluations by seed: %s%n", Arrays.toString(Arrays.stream(evaluations).mapToLong(v -> (long) v).toArray()));
                out.flush();
            }
        }
        return 0;
    }

    /** A comma-separated option's names, each checked against {@code known}; all of them when absent. */
    private static List<String> names(Arguments a, String option, List<String> known) {
        String v = a.option(option);
        if (v == null) {
            return known;
        }
        List<String> out = new ArrayList<>();
        for (String name : v.split(",")) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (!known.contains(n)) {
                throw new UsageException("tune-bench: " + option + " names '" + name + "'; expected some of: " + String.join(", ", known));
            }
            out.add(n);
        }
        return out;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * The grid's base: the default tune file's run (the dropout MLP, Adam) with a small fixed L2, since 27 points
     * leave room for three searched parameters at three values each.
     */
    private static final String GRID_BASE = String.join("\n",
            "batch_size: 128",
            "model:",
            "  layers: [{dropout: 0.2}, {dense: 256}, relu, {dropout: 0.5}, {dense: 256}, relu, {dropout: 0.5}, {dense: 10}]",
            "optimizer: {name: adam}",
            "regularization: {l2: 1.0e-5}",
            "search:",
            "");

    /** ASHA's configurations on the default search: 81 at the bottom rung, as many as Hyperband's widest bracket. */
    static final int MNIST_ASHA_TRIALS = 81;
    /** The share of the grid's epochs ASHA may spend (the bar): a cap, so that the spending is a bound. */
    static final double MNIST_ASHA_SHARE = 0.4;

    /**
     * The default search ({@code temper tune} without a file: learning rate, dropout rate, L2 strength and width) run
     * with ASHA instead of Hyperband, no more than 40% of the grid's epochs, against a 27-point grid (3 learning rates
     * x 3 dropout rates x 3 widths at the default's 27 epochs each) over the same ranges of the same model and data.
     */
    private static int mnist(List<String> parts, int ashaSeeds, PrintStream out) throws java.io.IOException {
        String grid = GRID_BASE + String.join("\n",
                "  strategy: grid",
                "  max_epochs: 27",
                "  parameters:",
                "    optimizer.learning_rate: [1.0e-4, 1.0e-3, 1.0e-2]",
                "    dropout_rate: {type: categorical, choices: [0.0, 0.35, 0.7], keys: [model.layers.3.dropout, model.layers.6.dropout]}",
                "    width: {type: categorical, choices: [64, 256, 1024], keys: [model.layers.1.dense, model.layers.4.dense]}",
                "");
        TuneConfig gridConfig = TuneConfigParser.parse(grid, "mnist grid", Path.of("."));
        Strategy gridSearch = TuneCommand.strategy(gridConfig);
        long cap = (long) Math.floor(MNIST_ASHA_SHARE * gridSearch.cost().steps());
        TuneConfig d = TuneCommand.defaultConfig();
        out.println("default MLP on the embedded MNIST subset, " + d.monitor() + ", study seed " + d.seed() + ", 1 trial at a time, "
                + Parallel.threads() + " kernel threads");
        double[] gridResult = parts.contains("grid") ? study(out, "grid", gridConfig, gridSearch, gridConfig.seed()) : null;
        if (!parts.contains("asha")) {
            return 0;
        }
        // ASHA's outcome depends on which configurations its seed draws: several seeds show the spread, not one draw
        double[] gaps = new double[ashaSeeds];
        for (int i = 0; i < ashaSeeds; i++) {
            long seed = d.seed() + i;
            Asha asha = new Asha(d.space(), MNIST_ASHA_TRIALS, d.minEpochs(), d.maxEpochs(), d.eta(), cap);
            double[] ashaResult = study(out, "ASHA (study seed " + seed + ")", d, asha, seed);
            if (gridResult != null) {
                gaps[i] = 100 * (gridResult[0] - ashaResult[0]);
                out.printf(Locale.ROOT, "ASHA seed %d best %.2f%% vs grid best %.2f%%: %.2f points apart; epochs %d vs %d: %.1f%% of the grid's%n",
                        seed, 100 * ashaResult[0], 100 * gridResult[0], gaps[i], (long) ashaResult[1],
                        (long) gridResult[1], 100 * ashaResult[1] / gridResult[1]);
            }
        }
        if (gridResult != null && ashaSeeds > 1) {
            double[] sorted = gaps.clone();
            java.util.Arrays.sort(sorted);
            out.printf(Locale.ROOT, "ASHA's gap to the grid's best over %d seeds: median %.2f points, best %.2f, worst %.2f%n",
                    ashaSeeds, median(gaps), sorted[0], sorted[sorted.length - 1]);
        }
        return 0;
    }

    private static double[] study(PrintStream out, String name, TuneConfig config, Strategy strategy, long seed) {
        TrialTraining training = TrialTraining.load(config, Path.of(System.getProperty("java.io.tmpdir"), "temper-tune-bench"));
        TrainingObjective objective = new TrainingObjective((c, rng) -> training.setup(c, rng), Monitor.of(config.monitor(), MonitorMode.AUTO));
        out.println(name + ": " + strategy.cost().description());
        StudyResult r = Study.builder(config.space(), strategy, objective).direction(objective.direction()).seed(seed)
                .listener(new LiveLeaderboard(out, config.monitor(), strategy.cost().configurations())).build().run();
        long epochs = r.history().trials().stream().mapToLong(Trial::epochs).sum();
        Trial best = r.best();
        out.printf(Locale.ROOT, "%s: %d trials, %d epochs, %.0f s; best val_accuracy %.4f at %d epochs: %s%n", name,
                r.history().size(), epochs, r.seconds(), best.value(), best.budget(), best.configuration().describe());
        out.flush();
        return new double[] {best.value(), epochs};
    }
}
