package dev.temper.cli;

import dev.temper.cli.config.LossKind;
import dev.temper.io.AtomicWrite;
import dev.temper.tensor.Tensor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code temper predict MODEL --input FILE --out FILE.csv}: one CSV row per input row (CSV for a table model, IDX
 * images for an image model). Classification writes the predicted class and one probability per class
 * ({@code p_<class>}; raw scores {@code score_<class>} for a loss that gives no probabilities), one logit writes
 * the class and the probability of the second class, regression the predicted value.
 */
final class PredictCommand {
    static final String USAGE = "temper predict MODEL.safetensors --input FILE.csv|IMAGES.idx --out PREDICTIONS.csv";

    private PredictCommand() {}

    static int run(List<String> args, PrintStream out) throws IOException {
        Arguments a = Arguments.parse("predict", args, Set.of("--input", "--out"), Set.of());
        if (a.positional().size() != 1 || a.option("--input") == null || a.option("--out") == null) {
            throw new UsageException("predict: expected a model file, --input and --out; usage: " + USAGE);
        }
        ModelFile.Loaded m = ModelFile.load("predict", Path.of(a.positional().get(0)));
        Tensor features = ModelInput.features(Path.of(a.option("--input")), m.preprocessing());
        Tensor outputs = m.inference().predict(features, 512);
        Path target = Path.of(a.option("--out"));
        AtomicWrite.writeString(target, csv(outputs, m));
        out.println("predict: wrote " + outputs.dim(0) + " predictions to " + target);
        return 0;
    }

    static String csv(Tensor outputs, ModelFile.Loaded m) {
        int n = outputs.dim(0);
        int k = outputs.dim(1);
        List<String> classes = classNames(m, k);
        StringBuilder sb = new StringBuilder();
        switch (m.task()) {
            case REGRESSION -> {
                sb.append("prediction\n");
                for (int i = 0; i < n; i++) {
                    sb.append(outputs.get(i, 0)).append('\n');
                }
            }
            case BINARY -> {
                sb.append("prediction,probability\n");
                for (int i = 0; i < n; i++) {
                    double p = 1 / (1 + Math.exp(-outputs.get(i, 0))); // the logit's sigmoid
                    sb.append(classes.get(p >= 0.5 ? 1 : 0)).append(',').append(p).append('\n');
                }
            }
            case CLASSIFICATION -> {
                boolean probabilities = m.config().loss() == LossKind.SOFTMAX_CROSS_ENTROPY;
                sb.append("prediction");
                for (String c : classes) {
                    sb.append(',').append(probabilities ? "p_" : "score_").append(c);
                }
                sb.append('\n');
                for (int i = 0; i < n; i++) {
                    double[] row = new double[k];
                    int best = 0;
                    for (int j = 0; j < k; j++) {
                        row[j] = outputs.get(i, j);
                        best = row[j] > row[best] ? j : best;
                    }
                    if (probabilities) {
                        softmax(row);
                    }
                    sb.append(classes.get(best));
                    for (double v : row) {
                        sb.append(',').append(v);
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** CSV class names, or the class indices 0, 1, ... as text. */
    private static List<String> classNames(ModelFile.Loaded m, int outputs) {
        if (!m.preprocessing().classes().isEmpty()) {
            return m.preprocessing().classes();
        }
        List<String> out = new ArrayList<>();
        for (int j = 0; j < Math.max(outputs, 2); j++) {
            out.add(Integer.toString(j));
        }
        return out;
    }

    /** In place, shifted by the maximum so large logits cannot overflow. */
    private static void softmax(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < row.length; j++) {
            row[j] = Math.exp(row[j] - max);
            sum += row[j];
        }
        for (int j = 0; j < row.length; j++) {
            row[j] /= sum;
        }
    }
}
