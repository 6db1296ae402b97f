package dev.temper.cli;

import dev.temper.data.Dataset;
import dev.temper.data.ImageClassification;
import dev.temper.train.Evaluation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code temper evaluate MODEL --data FILE [--labels FILE]}: the model file's loss, accuracy and metrics on new
 * data, prepared as its training data was. A CSV file must hold the model's feature columns and its label column;
 * images come as an IDX pair, or {@code --data mnist10k} for the embedded test digits.
 */
final class EvaluateCommand {
    static final String USAGE = "temper evaluate MODEL.safetensors --data FILE.csv|IMAGES.idx|mnist10k [--labels LABELS.idx]";

    private EvaluateCommand() {}

    static int run(List<String> args, PrintStream out) {
        Arguments a = Arguments.parse("evaluate", args, Set.of("--data", "--labels"), Set.of());
        if (a.positional().size() != 1 || a.option("--data") == null) {
            throw new UsageException("evaluate: expected a model file and --data; usage: " + USAGE);
        }
        ModelFile.Loaded m = ModelFile.load("evaluate", Path.of(a.positional().get(0)));
        int outputs = m.config().outputUnits();
        String data = a.option("--data");
        Dataset raw;
        if (data.equals("mnist10k")) {
            if (!m.preprocessing().features().isEmpty() || m.preprocessing().inputs() != 784) {
                throw new UsageException("evaluate: --data mnist10k is 28x28 digits; the model takes "
                        + m.preprocessing().inputs() + " inputs");
            }
            raw = ImageClassification.embeddedMnist()[1];
        } else {
            Path labels = a.option("--labels") == null ? null : Path.of(a.option("--labels"));
            raw = ModelInput.labelled(Path.of(data), labels, m.preprocessing(), outputs);
        }
        Dataset examples = m.task().targets(raw, m.config().loss(), outputs, "evaluation");
        Evaluation result = m.inference().evaluate(examples, 512);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "evaluate: loss %.4f", result.loss()));
        if (!Double.isNaN(result.accuracy())) {
            line.append(String.format(Locale.ROOT, ", accuracy %.2f%%", 100 * result.accuracy()));
        }
        result.metrics().forEach((name, v) -> line.append(String.format(Locale.ROOT, ", %s %.4f", name, v)));
        out.println(line.append(String.format(Locale.ROOT, " (%d examples)", result.examples())));
        return 0;
    }
}
