package dev.temper.cli;

import dev.temper.cli.config.ConfigException;
import dev.temper.data.DataFormatException;
import dev.temper.io.ModelFileException;
import dev.temper.study.StudyFileException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code temper} command. Errors a user can fix (a bad config key, a malformed data file, a wrong option)
 * are printed as one line, {@code temper: error: ...}, with exit code 2 (usage and config) or 1 (data, I/O);
 * never a stack trace.
 */
public final class Main {
    static final String HELP = String.join("\n",
            "temper: regularization and optimization for neural networks, measured",
            "",
            "usage:",
            "  " + StudyCommand.USAGE,
            "      train one network under several regimes (default: 9 on the embedded MNIST subset, 3 seeds each)",
            "      and compare them: tables, DIR/report.html, DIR/results.csv, DIR/results.json (DIR: study)",
            "  " + TrainCommand.USAGE,
            "      train a model (default: an MLP on the embedded MNIST subset); writes DIR/history.csv, DIR/metrics.json and",
            "      DIR/model.safetensors; backs the run up into DIR every epoch; --resume continues an interrupted run from that backup",
            "  " + EvaluateCommand.USAGE,
            "      loss, accuracy and metrics of a trained model on new data, prepared as its training data was",
            "  " + PredictCommand.USAGE,
            "      one CSV row of predictions (class and probabilities, or value) per input row",
            "  " + SummaryCommand.USAGE,
            "      list the tensors and metadata of a weights file written by temper train",
            "  " + TuneCommand.USAGE,
            "      search hyperparameters (default: Hyperband over learning rate, dropout, L2 and width of an MLP on MNIST)",
            "  " + TuneBenchCommand.USAGE,
            "      evaluations random, TPE and GP need on Branin and Hartmann-6; --mnist: ASHA against a 27-point grid",
            "  " + BenchCommand.USAGE,
            "      measure GEMM GFLOP/s and the seconds per epoch of a 784-512-512-10 MLP on Fashion-MNIST",
            "  temper help",
            "");

    private Main() {}

    public static void main(String[] args) {
        // a console exists only when standard input and output are a terminal, not when output goes to a file or pipe
        System.exit(run(Arrays.asList(args), System.out, System.err, System.console() != null));
    }

    /** Runs a command with plain output (no progress bar); returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    /**
     * Runs a command; returns the exit code.
     *
     * @param interactive whether {@code out} is a terminal: training then draws a progress bar during each epoch
     */
    public static int run(List<String> args, PrintStream out, PrintStream err, boolean interactive) {
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
            out.print(HELP);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "study" -> StudyCommand.run(rest, out, interactive);
                case "train" -> TrainCommand.run(rest, out, interactive);
                case "bench" -> BenchCommand.run(rest, out);
                case "summary" -> SummaryCommand.run(rest, out);
                case "evaluate" -> EvaluateCommand.run(rest, out);
                case "predict" -> PredictCommand.run(rest, out);
                case "tune" -> TuneCommand.run(rest, out);
                case "tune-bench" -> TuneBenchCommand.run(rest, out);
                default -> throw new UsageException("unknown command '" + args.get(0)
                        + "'; expected one of: study, train, evaluate, predict, tune, summary, bench, tune-bench, help");
            };
        } catch (UsageException | ConfigException e) {
            err.println("temper: error: " + e.getMessage());
            return 2;
        } catch (DataFormatException | ModelFileException | StudyFileException | IOException e) {
            err.println("temper: error: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            // Engine-side validation (shapes, ranges): its messages name the value; no stack trace for users.
            err.println("temper: error: " + e.getMessage());
            return 1;
        }
    }
}
