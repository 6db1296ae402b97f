package dev.temper.cli;

import dev.temper.autograd.Selector;
import dev.temper.cli.config.Json;
import dev.temper.data.Dataset;
import dev.temper.data.EmbeddedMnist;
import dev.temper.data.IdxReader;
import dev.temper.data.ImageClassification;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dense;
import dev.temper.nn.Dropout;
import dev.temper.nn.Initializer;
import dev.temper.nn.Layer;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.regularize.Penalty;
import dev.temper.regularize.Regularization;
import dev.temper.tensor.Backend;
import dev.temper.tensor.Blas;
import dev.temper.tensor.Parallel;
import dev.temper.tensor.Rng;
import dev.temper.train.EpochRecord;
import dev.temper.train.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code temper bench}: the engine's GEMM rate at the models' shapes and at 1024^3, the seconds per epoch of a
 * 784-512-512-10 MLP (ReLU, dropout 0.2 after each hidden layer, L2 on the kernels, batch 128, Adam: the peers'
 * model) and of a small CNN ({@link CnnBench}) on Fashion-MNIST, and each
 * epoch's BLAS-bound limit: its GEMM FLOPs at the GEMM rates measured in the same run. Everything else an epoch
 * does (im2col, pooling, bias, ReLU, dropout, softmax, Adam, batching) is the gap between the two.
 * {@code --only gemm,mlp,cnn} picks the parts to run (default: all).
 */
final class BenchCommand {
    static final String USAGE = "temper bench [--json] [--data DIR] [--epochs N] [--dropout RATE] [--threads N] [--only gemm,mlp,cnn]";
    static final int BATCH = 128;
    static final int HIDDEN = 512;

    /** The GEMMs of one MLP step at batch 128: 3 forward, 3 weight gradients, 2 input gradients. */
    static final List<GemmShape> MLP_SHAPES = List.of(
            new GemmShape("fwd1", BATCH, 784, HIDDEN, false, false),
            new GemmShape("fwd2", BATCH, HIDDEN, HIDDEN, false, false),
            new GemmShape("fwd3", BATCH, HIDDEN, 10, false, false),
            new GemmShape("dW1", 784, BATCH, HIDDEN, true, false),
            new GemmShape("dW2", HIDDEN, BATCH, HIDDEN, true, false),
            new GemmShape("dW3", HIDDEN, BATCH, 10, true, false),
            new GemmShape("dX2", BATCH, HIDDEN, HIDDEN, false, true),
            new GemmShape("dX3", BATCH, 10, HIDDEN, false, true));
    static final GemmShape SQUARE = new GemmShape("square", 1024, 1024, 1024, false, false);
    /**
     * The peers' L2 on the kernels: TensorFlow's {@code 1e-4 * l2_loss(w)} ({@code l2_loss = sum w^2 / 2}), DJL's
     * weight decay 1e-4, DL4J's {@code l2(1e-4)}: all add {@code 1e-4 w} to the gradient, which in temper's (Keras's)
     * convention {@code lambda * sum w^2} is lambda 5e-5.
     */
    static final Regularization MLP_L2 = Regularization.of("l2", Selector.weights(), Penalty.l2(5e-5));

    private BenchCommand() {}

    static int run(List<String> args, PrintStream out) throws IOException {
        Arguments a = Arguments.parse("bench", args, Set.of("--data", "--epochs", "--dropout", "--threads", "--only"), Set.of("--json"));
        int epochs = (int) a.longOption("bench", "--epochs", 3, 2);
        int threads = (int) a.longOption("bench", "--threads", Runtime.getRuntime().availableProcessors(), 1);
        double dropout = a.option("--dropout") == null ? 0.2 : parseRate(a.option("--dropout"));
        boolean json = a.flag("--json");
        Set<String> parts = parseParts(a.option("--only"));
        Path dataDir = a.option("--data") != null ? Path.of(a.option("--data")) : findSharedDatasets();
        PrintStream log = json ? System.err : out;

        Parallel.setThreads(threads);
        Blas blas = Backend.blas();
        log.println("temper bench: " + threads + " threads, GEMM: " + blas.name());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("threads", threads);
        result.put("gemm", blas.name());

        List<GemmShape> shapes = new ArrayList<>();
        if (parts.contains("gemm") || parts.contains("mlp")) {
            shapes.addAll(MLP_SHAPES);
        }
        if (parts.contains("gemm") || parts.contains("cnn")) {
            shapes.addAll(CnnBench.SHAPES);
        }
        if (parts.contains("gemm")) {
            shapes.add(SQUARE);
        }
        Map<GemmShape, Double> rates = new LinkedHashMap<>();
        for (GemmShape s : shapes) {
            boolean sideBySide = CnnBench.SIDE_BY_SIDE.contains(s);
            double rate = sideBySide ? GemmTimer.gflopsSideBySide(blas, s, 5) : GemmTimer.gflops(blas, s, 5);
            rates.put(s, rate);
            result.put("gemm_gflops_" + s.key(), round(rate, 1));
            log.printf(Locale.ROOT, "gemm %s  %7.1f GFLOP/s%s%n", s, rate, sideBySide ? " (one per thread, side by side)" : "");
        }

        // The GEMM timing's operands (up to 26 MB each, fresh per shape) are garbage now: collect them, so that the
        // heap the training runs start from (and the peak RSS reported) is not inflated by the scaffolding.
        System.gc();
        Dataset[] data = parts.contains("mlp") || parts.contains("cnn") ? fashion(dataDir) : null;
        if (parts.contains("mlp")) {
            runMlp(data, epochs, dropout, rates, result, log);
        }
        if (parts.contains("cnn")) {
            runCnn(data, epochs, rates, result, log);
        }
        long rssMb = peakRssMegabytes();
        result.put("peak_rss_mb", rssMb);
        log.printf(Locale.ROOT, "peak RSS %d MB%n", rssMb);
        if (json) {
            out.print(Json.object(result));
        }
        return 0;
    }

    private static void runMlp(Dataset[] data, int epochs, double dropout, Map<GemmShape, Double> rates,
                               Map<String, Object> result, PrintStream log) {
        int n = data[0].size();
        double limit = gemmLimit(MLP_SHAPES, rates, n);
        log.printf(Locale.ROOT, "mlp 784-%d-%d-10, relu, dropout %.2f, L2 on the kernels (gradient 1e-4 w), batch %d, Adam; %d training examples; %d epochs%n",
                HIDDEN, HIDDEN, dropout, BATCH, n, epochs);
        Rng rng = new Rng(42);
        Trainer trainer = new Trainer(mlp(dropout, rng.split()), new SoftmaxCrossEntropyLoss(), Adam.defaults().build())
                .withRegularization(MLP_L2);
        List<EpochRecord> history = train(trainer, data[0], epochs, rng, log);
        double median = medianAfterFirst(history);
        double accuracy = trainer.evaluate(data[1], 1000).accuracy();

        result.put("mlp_epoch_seconds", round(median, 3));
        result.put("mlp_epoch_limit_seconds", round(limit, 3));
        result.put("mlp_epoch_ratio", round(median / limit, 2));
        result.put("mlp_epoch_seconds_all", Arrays.toString(history.stream().mapToDouble(r -> round(r.seconds(), 3)).toArray()));
        result.put("mlp_test_accuracy", round(accuracy, 4));
        result.put("mlp_dropout", dropout);
        result.put("mlp_l2_lambda", 5e-5);
        log.printf(Locale.ROOT, "mlp epoch (median of epochs 2..%d): %.3f s; BLAS-bound limit %.3f s; ratio %.2f; test accuracy %.2f%%%n",
                epochs, median, limit, median / limit, 100 * accuracy);
    }

    private static void runCnn(Dataset[] data, int epochs, Map<GemmShape, Double> rates, Map<String, Object> result, PrintStream log) {
        CnnBench.standardizeInPlace(data[0], data[1]); // the CNN runs last: nothing reads the raw pixels after it
        int n = data[0].size();
        double limit = CnnBench.limitSeconds(rates, n);
        log.printf(Locale.ROOT, "cnn conv5x5x32-pool2-conv5x5x64-pool2-256-10, relu, batch %d, Adam 1e-3, standardized pixels; %d training examples; %d epochs%n",
                BATCH, n, epochs);
        Rng rng = new Rng(42);
        Trainer trainer = new Trainer(CnnBench.model(rng.split()), new SoftmaxCrossEntropyLoss(), Adam.defaults().build());
        List<EpochRecord> history = train(trainer, data[0], epochs, rng, log);
        double median = medianAfterFirst(history);
        double accuracy = trainer.evaluate(data[1], 1000).accuracy();
        result.put("cnn_epoch_seconds", round(median, 3));
        result.put("cnn_epoch_limit_seconds", round(limit, 3));
        result.put("cnn_epoch_ratio", round(median / limit, 2));
        result.put("cnn_epoch_seconds_all", Arrays.toString(history.stream().mapToDouble(r -> round(r.seconds(), 3)).toArray()));
        result.put("cnn_test_accuracy", round(accuracy, 4));
        log.printf(Locale.ROOT, "cnn epoch (median of epochs 2..%d): %.3f s; BLAS-bound limit %.3f s; ratio %.2f; test accuracy %.2f%%%n",
                epochs, median, limit, median / limit, 100 * accuracy);
    }

    private static List<EpochRecord> train(Trainer trainer, Dataset train, int epochs, Rng rng, PrintStream log) {
        return trainer.fit(train, null, epochs, BATCH, rng,
                r -> log.printf(Locale.ROOT, "  epoch %d: %.3f s, loss %.4f%n", r.epoch(), r.seconds(), r.trainLoss())).epochs();
    }

    /** Seconds of one epoch at the measured GEMM rates; GEMM work is linear in the batch, so the last partial batch counts pro rata. */
    private static double gemmLimit(List<GemmShape> shapes, Map<GemmShape, Double> rates, int examples) {
        double limit = 0;
        for (GemmShape s : shapes) {
            limit += s.flops() / (rates.get(s) * 1e9);
        }
        return limit * examples / BATCH;
    }

    /** Median epoch time without the first epoch (JIT warm-up). */
    private static double medianAfterFirst(List<EpochRecord> history) {
        double[] seconds = history.stream().skip(1).mapToDouble(EpochRecord::seconds).sorted().toArray();
        return seconds.length % 2 == 1 ? seconds[seconds.length / 2]
                : (seconds[seconds.length / 2 - 1] + seconds[seconds.length / 2]) / 2;
    }

    private static Set<String> parseParts(String text) {
        Set<String> all = Set.of("gemm", "mlp", "cnn");
        if (text == null) {
            return all;
        }
        Set<String> parts = new java.util.HashSet<>();
        for (String p : text.split("[,|]")) {
            String name = p.trim().toLowerCase(Locale.ROOT);
            if (!all.contains(name)) {
                throw new UsageException("bench: --only takes a comma-separated list of gemm, mlp, cnn; got '" + text + "'");
            }
            parts.add(name);
        }
        return parts;
    }

    static Sequential mlp(double dropout, Rng rng) {
        List<Layer> layers = new ArrayList<>();
        int width = 784;
        for (int i = 0; i < 2; i++) {
            layers.add(new Dense(width, HIDDEN, Initializer.heNormal(), Initializer.zeros(), rng));
            layers.add(new ReLU());
            if (dropout > 0) {
                layers.add(new Dropout(dropout));
            }
            width = HIDDEN;
        }
        layers.add(new Dense(width, 10, rng));
        return new Sequential(layers);
    }

    private static double parseRate(String text) {
        try {
            double r = Double.parseDouble(text);
            if (r >= 0 && r < 1) {
                return r;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("bench: --dropout must be a number in [0, 1), got '" + text + "'");
    }

    /** ../shared/datasets from the working directory or any parent (the repository sits beside shared/). */
    private static Path findSharedDatasets() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            candidate = p.resolveSibling("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new UsageException("bench: cannot find shared/datasets with Fashion-MNIST; pass --data DIR (the folder holding fashion-train-images-idx3-ubyte.gz)");
    }

    private static Dataset[] fashion(Path dir) {
        Path trainImages = dir.resolve("fashion-train-images-idx3-ubyte.gz");
        if (!Files.exists(trainImages)) {
            throw new UsageException("bench: " + trainImages + " does not exist; pass --data DIR (the folder holding the Fashion-MNIST .gz files)");
        }
        return new Dataset[] {
            ImageClassification.fromIdx(IdxReader.read(trainImages), IdxReader.read(dir.resolve("fashion-train-labels-idx1-ubyte.gz")), EmbeddedMnist.CLASS_COUNT, "Fashion-MNIST train"),
            ImageClassification.fromIdx(IdxReader.read(dir.resolve("fashion-test-images-idx3-ubyte.gz")), IdxReader.read(dir.resolve("fashion-test-labels-idx1-ubyte.gz")), EmbeddedMnist.CLASS_COUNT, "Fashion-MNIST test")
        };
    }

    /** Peak resident set size (VmHWM) of this process, from /proc; -1 where unavailable. */
    static long peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
