package dev.temper.autograd;

import dev.temper.tensor.Tensor;
import java.util.regex.Pattern;

/**
 * Picks parameters by their dotted path (and value): which ones a penalty applies to, which ones are decayed,
 * frozen, or trained at another learning rate. Selectors replace parameter-group flags: one model can be
 * trained under many regimes without being rebuilt.
 *
 * <p>Paths are globs over dot-separated segments: {@code *} matches within one segment, {@code **} any number
 * of whole segments ({@code dense_1.kernel}, {@code *.bias}, {@code encoder.**}).
 */
@FunctionalInterface
public interface Selector {

    boolean matches(String path, Tensor value);

    static Selector all() {
        return (path, value) -> true;
    }

    static Selector none() {
        return (path, value) -> false;
    }

    /**
     * Weight matrices and kernels (rank 2 or more), not biases and normalization scales/shifts (rank 1): the
     * usual target of penalties and weight decay (decaying biases and batch-norm parameters tends to hurt).
     */
    static Selector weights() {
        return (path, value) -> value.rank() >= 2;
    }

    /** Parameters whose path matches a glob ({@code *} within a segment, {@code **} across segments). */
    static Selector byPath(String glob) {
        Pattern p = globPattern(glob);
        return (path, value) -> p.matcher(path).matches();
    }

    default Selector and(Selector other) {
        return (path, value) -> matches(path, value) && other.matches(path, value);
    }

    default Selector or(Selector other) {
        return (path, value) -> matches(path, value) || other.matches(path, value);
    }

    default Selector negate() {
        return (path, value) -> !matches(path, value);
    }

    private static Pattern globPattern(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("selector glob must be non-empty, got '" + glob + "'");
        }
        StringBuilder regex = new StringBuilder();
        String[] segments = glob.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty()) {
                throw new IllegalArgumentException("selector glob has an empty segment: '" + glob + "'");
            }
            boolean last = i == segments.length - 1;
            if (s.equals("**")) {
                regex.append(last ? ".*" : "(?:[^.]+\\.)*"); // zero or more whole segments
                continue;
            }
            for (char ch : s.toCharArray()) {
                regex.append(ch == '*' ? "[^.]*" : Pattern.quote(String.valueOf(ch)));
            }
            if (!last) {
                regex.append("\\.");
            }
        }
        return Pattern.compile(regex.toString());
    }
}
