package dev.temper.cli;

import dev.temper.cli.config.TuneConfig;
import dev.temper.cli.config.TuneConfigParser;
import dev.temper.tensor.Parallel;
import dev.temper.train.Monitor;
import dev.temper.train.MonitorMode;
import dev.temper.tune.Direction;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code temper tune-bench [--seeds N] [--random-cap N] [--gp-cap N]}: evaluations each strategy needs to get within
 * 1% of the known minimum of Branin and Hartmann-6, median over seeds; {@code temper tune-bench --mnist}: ASHA
 * against a 27-point grid on the default MLP and the embedded MNIST subset (accuracy found, epochs spent).
 */
final class TuneBenchCommand {
    static final String USAGE = "temper tune-bench [--seeds N] [--random-cap N] [--gp-cap N] [--mnist] [--threads N]";

    private TuneBenchCommand() {}

    static int run(List<String> args, PrintStream out) throws java.io.IOException {
        Arguments a = Arguments.parse("tune-bench", args, Set.of("--seeds", "--random-cap", "--gp-cap", "--threads"), Set.of("--mnist"));
        int threads = (int) a.longOption("tune-bench", "--threads", Runtime.getRuntime().availableProcessors(), 1);
        Parallel.setThreads(threads);
        if (a.flag("--mnist")) {
            return mnist(out);
        }
        int seeds = (int) a.longOption("tune-bench", "--seeds", 10, 1);
        int randomCap = (int) a.longOption("tune-bench", "--random-cap", 3000, 1);
        int gpCap = (int) a.longOption("tune-bench", "--gp-cap", 150, 1);
        out.printf(Locale.ROOT, "evaluations to reach within 1%% of the minimum, median over %d seeds (cap: %d for random and TPE,"
                + " %d for GP; a run that never reaches it counts as cap + 1)%n", seeds, randomCap, gpCap);
        out.println("| function | strategy | median evaluations | reached | median best value at stop | median seconds |");
        out.println("|---|---|---:|---:|---:|---:|");
        for (TestFunction f : List.of(TestFunction.branin(), TestFunction.hartmann6())) {
            for (String name : List.of("random", "tpe", "gp")) {
                int cap = name.equals("gp") ? gpCap : randomCap;
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
                out.flush();
            }
        }
        return 0;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static final String MNIST_BASE = String.join("\n",
            "batch_size: 128",
            "model:",
            "  layers: [{dropout: 0.2}, {dense: 256}, relu, {dropout: 0.5}, {dense: 256}, relu, {dropout: 0.5}, {dense: 10}]",
            "regularization: {l2: 1.0e-5}",
            "search:",
            "");

    /** The 27-point grid (3 learning rates x 3 dropout rates x 3 widths, 27 epochs each) against ASHA on the same ranges. */
    private static int mnist(PrintStream out) {
        String grid = MNIST_BASE + String.join("\n",
                "  strategy: grid",
                "  max_epochs: 27",
                "  parameters:",
                "    optimizer.learning_rate: [1.0e-4, 1.0e-3, 1.0e-2]",
                "    dropout_rate: {type: categorical, choices: [0.0, 0.35, 0.7], keys: [model.layers.3.dropout, model.layers.6.dropout]}",
                "    width: {type: categorical, choices: [64, 256, 1024], keys: [model.layers.1.dense, model.layers.4.dense]}",
                "");
        String asha = MNIST_BASE + String.join("\n",
                "  strategy: asha",
                "  trials: 81",
                "  max_epochs: 27",
                "  parameters:",
                "    optimizer.learning_rate: {type: float, low: 1.0e-4, high: 1.0e-2, log: true}",
                "    dropout_rate: {type: float, low: 0.0, high: 0.7, keys: [model.layers.3.dropout, model.layers.6.dropout]}",
                "    width: {type: integer, low: 64, high: 1024, log: true, keys: [model.layers.1.dense, model.layers.4.dense]}",
                "");
        out.println("default MLP on the embedded MNIST subset, val_accuracy, study seed 42, 1 trial at a time, " + Parallel.threads() + " kernel threads");
        double[] gridResult = study(out, "grid", TuneConfigParser.parse(grid, "mnist grid", Path.of(".")));
        double[] ashaResult = study(out, "ASHA", TuneConfigParser.parse(asha, "mnist asha", Path.of(".")));
        out.printf(Locale.ROOT, "ASHA best %.2f%% vs grid best %.2f%%: %.2f points apart; epochs %d vs %d: %.1f%% of the grid's%n",
                100 * ashaResult[0], 100 * gridResult[0], 100 * (gridResult[0] - ashaResult[0]), (long) ashaResult[1],
                (long) gridResult[1], 100 * ashaResult[1] / gridResult[1]);
        return 0;
    }

    private static double[] study(PrintStream out, String name, TuneConfig config) {
        TrialTraining training = TrialTraining.load(config, Path.of(System.getProperty("java.io.tmpdir"), "temper-tune-bench"));
        TrainingObjective objective = new TrainingObjective((c, rng) -> training.setup(c, rng), Monitor.of("val_accuracy", MonitorMode.AUTO));
        Strategy strategy = TuneCommand.strategy(config);
        out.println(name + ": " + strategy.cost().description());
        StudyResult r = Study.builder(config.space(), strategy, objective).direction(Direction.MAXIMIZE).seed(config.seed()).build().run();
        long epochs = r.history().trials().stream().mapToLong(Trial::epochs).sum();
        Trial best = r.best();
        out.printf(Locale.ROOT, "%s: %d trials, %d epochs, %.0f s; best val_accuracy %.4f at %d epochs: %s%n", name,
                r.history().size(), epochs, r.seconds(), best.value(), best.budget(), best.configuration().describe());
        out.flush();
        return new double[] {best.value(), epochs};
    }
}
