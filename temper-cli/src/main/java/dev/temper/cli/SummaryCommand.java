package dev.temper.cli;

import dev.temper.io.SafeTensors;
import dev.temper.io.TensorFile;
import dev.temper.tensor.Tensor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code temper summary MODEL}: what a weights file holds, tensor by tensor (path, dtype, shape, values), the
 * total, and its metadata (the run file it came from). The file is validated as it is read.
 */
final class SummaryCommand {
    static final String USAGE = "temper summary MODEL.safetensors";

    private SummaryCommand() {}

    static int run(List<String> args, PrintStream out) {
        Arguments a = Arguments.parse("summary", args, Set.of(), Set.of());
        if (a.positional().size() != 1) {
            throw new UsageException("summary: expected one model file, got " + a.positional() + "; usage: " + USAGE);
        }
        Path file = Path.of(a.positional().get(0));
        TensorFile contents = SafeTensors.read(file);
        out.printf(Locale.ROOT, "%-40s %-8s %-18s %12s%n", "Tensor", "dtype", "Shape", "Values");
        long total = 0;
        for (Map.Entry<String, Tensor> e : contents.tensors().entrySet()) {
            Tensor t = e.getValue();
            total += t.size();
            out.printf(Locale.ROOT, "%-40s %-8s %-18s %,12d%n", e.getKey(), t.dtype(), t.shape(), t.size());
        }
        out.printf(Locale.ROOT, "Total values: %,d in %d tensors%n", total, contents.tensors().size());
        for (Map.Entry<String, String> m : contents.metadata().entrySet()) {
            String value = m.getValue().contains("\n") ? "\n    " + m.getValue().strip().replace("\n", "\n    ") : " " + m.getValue();
            out.println(m.getKey() + ":" + value);
        }
        return 0;
    }
}
