package dev.temper.study;

import dev.temper.io.AtomicWrite;
import dev.temper.io.ModelFileException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A finished run on disk: {@code DIR/runs/<regime>/seed-<k>/} holding {@code history.csv} (one row per epoch,
 * {@link EpochFigures#HEADER}), {@code metrics.json} (every {@link Quantity}, the configuration the run was trained
 * under, why it stopped) and {@code weights.csv} (the {@link WeightSummary} histogram: bin centre, count, for the
 * non-empty bins).
 *
 * <p>A run directory appears whole or not at all: its files are written into a hidden temporary directory beside
 * it, each forced to disk, and the directory is then renamed into place. A run killed halfway leaves only a
 * temporary directory, which the next study deletes.
 */
public final class RunFiles {
    static final String HISTORY = "history.csv";
    static final String METRICS = "metrics.json";
    static final String WEIGHTS = "weights.csv";

    private RunFiles() {}

    /** The directory of run {@code key} under study directory {@code dir}. */
    public static Path directory(Path dir, RunKey key) {
        return dir.resolve("runs").resolve(key.regime()).resolve("seed-" + key.seed());
    }

    /** Whether run {@code key} finished in {@code dir} (its directory exists: it is only ever renamed in whole). */
    static boolean finished(Path dir, RunKey key) {
        return Files.isDirectory(directory(dir, key));
    }

    /** Writes a finished run atomically. {@code configuration} is the text it was trained under. */
    static void write(Path dir, RunResult r, String configuration) {
        Path target = directory(dir, r.key());
        Path parent = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
            AtomicWrite.readableByAll(tmp);
            AtomicWrite.writeString(tmp.resolve(HISTORY), historyCsv(r.history()));
            AtomicWrite.writeString(tmp.resolve(METRICS), JsonText.write(metrics(r, configuration)));
            AtomicWrite.writeString(tmp.resolve(WEIGHTS), weightsCsv(r.weights()));
            forceDirectory(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            tmp = null;
            forceDirectory(parent);
        } catch (IOException | ModelFileException e) {
            throw new StudyFileException(target, "cannot write the finished run: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    /** Removes the temporary directories that runs killed while being written left under {@code dir/runs}. */
    static void deleteAbandoned(Path dir) {
        Path runs = dir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return;
        }
        try (DirectoryStream<Path> regimes = Files.newDirectoryStream(runs, Files::isDirectory)) {
            for (Path regime : regimes) {
                try (DirectoryStream<Path> stale = Files.newDirectoryStream(regime, ".seed-*")) {
                    for (Path p : stale) {
                        deleteTree(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new StudyFileException(runs, "cannot list the run directories: " + e.getMessage(), e);
        }
    }

    /** The configuration text a finished run was trained under. */
    static String configuration(Path dir, RunKey key) {
        Path file = directory(dir, key).resolve(METRICS);
        Object c = metricsOf(file).get("configuration");
        if (!(c instanceof String s)) {
            throw new StudyFileException(file, "has no 'configuration' text");
        }
        return s;
    }

    /** Reads a finished run back. */
    public static RunResult read(Path dir, RunKey key) {
        Path run = directory(dir, key);
        List<EpochFigures> history = readHistory(run.resolve(HISTORY));
        Path metricsFile = run.resolve(METRICS);
        Map<String, Object> m = metricsOf(metricsFile);
        Figures last = new Figures(number(m, "final_train_loss", metricsFile), number(m, "final_train_accuracy", metricsFile),
                number(m, "final_val_loss", metricsFile), number(m, "final_val_accuracy", metricsFile),
                number(m, "final_test_loss", metricsFile), number(m, "final_test_accuracy", metricsFile));
        WeightSummary weights = new WeightSummary((long) number(m, "weight_count", metricsFile),
                (long) number(m, "weight_zeros", metricsFile), number(m, "weight_l2_norm", metricsFile),
                number(m, "weight_min", metricsFile), number(m, "weight_max", metricsFile),
                readHistogram(run.resolve(WEIGHTS)));
        Object reason = m.get("stop_reason");
        try {
            return new RunResult(key, history, last, (int) number(m, "best_epoch", metricsFile), weights,
                    number(m, "wall_seconds", metricsFile), reason instanceof String s ? s : "");
        } catch (IllegalArgumentException e) {
            throw new StudyFileException(run, e.getMessage(), e);
        }
    }

    private static Map<String, Object> metrics(RunResult r, String configuration) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("regime", r.key().regime());
        m.put("seed", r.key().seed());
        for (Quantity q : Quantity.values()) {
            double v = r.value(q);
            m.put(q.key(), q.kind() == Quantity.Kind.COUNT ? (Object) (long) v : (Object) v);
        }
        m.put("weight_count", r.weights().count());
        m.put("weight_zeros", r.weights().zeros());
        m.put("weight_min", r.weights().min());
        m.put("weight_max", r.weights().max());
        m.put("stop_reason", r.stopReason());
        m.put("configuration", configuration);
        return m;
    }

    static String historyCsv(List<EpochFigures> history) {
        StringBuilder sb = new StringBuilder(EpochFigures.HEADER).append('\n');
        for (EpochFigures e : history) {
            sb.append(e.epoch());
            for (double v : new double[] {e.trainLoss(), e.trainPenalty(), e.trainAccuracy(), e.trainEvalLoss(),
                e.trainEvalAccuracy(), e.validationLoss(), e.validationAccuracy(), e.testLoss(), e.testAccuracy(),
                e.seconds()}) {
                sb.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static List<EpochFigures> readHistory(Path file) {
        List<String> lines = lines(file);
        if (lines.isEmpty() || !lines.get(0).equals(EpochFigures.HEADER)) {
            throw new StudyFileException(file, "line 1: expected the header '" + EpochFigures.HEADER + "'");
        }
        List<EpochFigures> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != 11) {
                throw new StudyFileException(file, "line " + (i + 1) + ": expected 11 cells, got " + cells.length);
            }
            double[] v = new double[11];
            for (int c = 0; c < 11; c++) {
                try {
                    v[c] = cells[c].isEmpty() ? Double.NaN : Double.parseDouble(cells[c]);
                } catch (NumberFormatException e) {
                    throw new StudyFileException(file, "line " + (i + 1) + ": cell " + (c + 1) + " is not a number: '" + cells[c] + "'");
                }
            }
            if (v[0] != i) {
                throw new StudyFileException(file, "line " + (i + 1) + ": expected epoch " + i + ", got " + cells[0]);
            }
            out.add(new EpochFigures(i, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]));
        }
        if (out.isEmpty()) {
            throw new StudyFileException(file, "holds no epoch");
        }
        return out;
    }

    static String weightsCsv(WeightSummary w) {
        StringBuilder sb = new StringBuilder("weight,count\n");
        for (int i = 0; i < WeightSummary.BINS; i++) {
            if (w.histogram()[i] != 0) {
                sb.append(String.format(Locale.ROOT, "%.3f,%d%n", WeightSummary.binCenter(i), w.histogram()[i]));
            }
        }
        return sb.toString();
    }

    static long[] readHistogram(Path file) {
        List<String> lines = lines(file);
        if (lines.isEmpty() || !lines.get(0).equals("weight,count")) {
            throw new StudyFileException(file, "line 1: expected the header 'weight,count'");
        }
        long[] h = new long[WeightSummary.BINS];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            try {
                if (cells.length != 2) {
                    throw new NumberFormatException("expected 2 cells, got " + cells.length);
                }
                h[WeightSummary.bin(Double.parseDouble(cells[0]))] += Long.parseLong(cells[1]);
            } catch (NumberFormatException e) {
                throw new StudyFileException(file, "line " + (i + 1) + ": expected 'weight,count', got '" + lines.get(i) + "'");
            }
        }
        return h;
    }

    private static Map<String, Object> metricsOf(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new StudyFileException(file, "missing: the run directory is incomplete (delete it to rerun the run)");
        } catch (IOException e) {
            throw new StudyFileException(file, "cannot read: " + e.getMessage(), e);
        }
        try {
            Object v = JsonText.parse(text);
            if (!(v instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) v;
            return m;
        } catch (IllegalArgumentException e) {
            throw new StudyFileException(file, "not valid JSON: " + e.getMessage(), e);
        }
    }

    private static double number(Map<String, Object> m, String key, Path file) {
        if (!m.containsKey(key)) {
            throw new StudyFileException(file, "has no '" + key + "'");
        }
        Object v = m.get(key);
        if (v == null) {
            return Double.NaN; // JSON cannot hold NaN: written as null
        }
        if (!(v instanceof Double d)) {
            throw new StudyFileException(file, "'" + key + "' must be a number, got " + v);
        }
        return d;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new StudyFileException(file, "missing: the run directory is incomplete (delete it to rerun the run)");
        } catch (IOException e) {
            throw new StudyFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Forces a directory's entries to disk where the platform allows it (Linux does; others may refuse). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not every platform can open a directory; the files themselves are already on disk.
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary directory is harmless: the next study removes it.
        }
    }
}
