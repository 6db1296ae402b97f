package dev.temper.cli;

import dev.temper.cli.config.Preprocessing;
import dev.temper.data.CsvFile;
import dev.temper.data.DataFormatException;
import dev.temper.data.Dataset;
import dev.temper.data.ImageClassification;
import dev.temper.data.IdxFile;
import dev.temper.data.IdxReader;
import dev.temper.data.Standardization;
import dev.temper.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * New data prepared for a trained model exactly as its training data was: CSV columns picked by name in the
 * model's order and standardized with the training statistics, or IDX images scaled to [0, 1]. Every mismatch (a
 * missing column, a wrong image size, an unknown class) is a one-line error naming the file.
 */
final class ModelInput {
    private ModelInput() {}

    /** The features of {@code file} (CSV for a table model, IDX for an image model), {@code [n, inputs]}. */
    static Tensor features(Path file, Preprocessing p) {
        requireFile(file);
        return p.features().isEmpty() ? images(IdxReader.read(notCsv(file, p)), file, p) : table(file, p, false).features();
    }

    /** Features and labels (class indices, or numbers for regression): CSV with the label column for a table model. */
    static Dataset labelled(Path file, Path labels, Preprocessing p, int classCount) {
        requireFile(file);
        if (!p.features().isEmpty()) {
            if (labels != null) {
                throw new UsageException("--labels is for IDX images; " + file + " holds the label column '"
                        + p.label() + "' itself");
            }
            return table(file, p, true);
        }
        if (labels == null) {
            throw new UsageException("the model takes images: give --data IMAGES.idx --labels LABELS.idx (or --data mnist10k)");
        }
        requireFile(labels);
        IdxFile images = IdxReader.read(notCsv(file, p));
        images(images, file, p); // the size check
        return ImageClassification.fromIdx(images, IdxReader.read(labels), classCount, file + " and " + labels);
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(Files.isDirectory(file) ? file + " is a directory, not a data file"
                    : "no such data file " + file);
        }
    }

    /** An IDX file starts with two zero bytes; a CSV header cannot. */
    private static Path notCsv(Path file, Preprocessing p) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            if (head.length == 2 && head[0] == 0 && head[1] == 0) {
                return file;
            }
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot read: " + e.getMessage());
        }
        throw new DataFormatException(file + ": not an IDX file; the model takes images of " + shape(p)
                + " (IDX, as MNIST ships)");
    }

    private static Tensor images(IdxFile images, Path file, Preprocessing p) {
        if (images.itemSize() != p.inputs()) {
            int[] item = Arrays.copyOfRange(images.dimensions(), 1, images.dimensionCount());
            String size = Arrays.stream(item).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining("x"));
            throw new DataFormatException(file + ": items of " + size + " = "
                    + images.itemSize() + " values, the model takes " + shape(p) + " = " + p.inputs() + " inputs");
        }
        return ImageClassification.features(images);
    }

    private static String shape(Preprocessing p) {
        List<Integer> s = p.imageShape();
        return s.isEmpty() ? p.inputs() + " values" : s.get(1) + "x" + s.get(2) + (s.get(0) == 1 ? "" : "x" + s.get(0));
    }

    /** The model's feature columns by name (the label column may be there too), standardized as in training. */
    private static Dataset table(Path file, Preprocessing p, boolean withLabels) {
        CsvFile csv = CsvFile.read(file);
        List<String> features = p.features();
        for (String column : csv.header()) {
            if (!features.contains(column) && !column.equals(p.label())) {
                throw new DataFormatException(file + ": column '" + column + "' is not one of the model's "
                        + features.size() + " features (" + String.join(", ", features) + ") or its label '" + p.label() + "'");
            }
        }
        int[] columns = new int[features.size()];
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < columns.length; j++) {
            columns[j] = csv.header().indexOf(features.get(j));
            if (columns[j] < 0) {
                missing.add(features.get(j));
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFormatException(file + ": " + (csv.header().size() - (csv.header().contains(p.label()) ? 1 : 0))
                    + " feature columns, the model takes " + features.size() + "; missing " + String.join(", ", missing));
        }
        int labelColumn = csv.header().indexOf(p.label());
        if (withLabels && labelColumn < 0) {
            throw new DataFormatException(file + ": no label column '" + p.label() + "' to evaluate against");
        }
        int n = csv.records().size();
        if (n == 0) {
            throw new DataFormatException(file + ": no data rows after the header");
        }
        float[] x = new float[n * columns.length];
        float[] y = new float[n];
        for (int r = 0; r < n; r++) {
            String[] cells = csv.records().get(r);
            for (int j = 0; j < columns.length; j++) {
                x[r * columns.length + j] = (float) number(csv, r, columns[j]);
            }
            if (withLabels) {
                y[r] = (float) label(csv, r, labelColumn, p);
            }
        }
        Tensor features1 = Tensor.wrap(x, n, columns.length);
        if (p.standardized()) {
            double[] mean = p.mean().stream().mapToDouble(Double::doubleValue).toArray();
            double[] std = p.std().stream().mapToDouble(Double::doubleValue).toArray();
            features1 = new Standardization(mean, std).apply(features1);
        }
        return new Dataset(features1, Tensor.wrap(y, n));
    }

    private static double label(CsvFile csv, int row, int column, Preprocessing p) {
        String cell = csv.records().get(row)[column];
        if (p.classes().isEmpty()) {
            return number(csv, row, column);
        }
        int index = p.classes().indexOf(cell);
        if (index < 0) {
            throw new DataFormatException(where(csv, row, column) + ": class '" + cell + "' is not one the model knows "
                    + p.classes());
        }
        return index;
    }

    private static double number(CsvFile csv, int row, int column) {
        String cell = csv.records().get(row)[column];
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v) && Math.abs(v) <= Float.MAX_VALUE) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the line and column
        }
        throw new DataFormatException(where(csv, row, column) + ": " + (cell.isEmpty() ? "missing value"
                : "'" + cell + "' is not a finite number"));
    }

    private static String where(CsvFile csv, int row, int column) {
        return csv.source() + " line " + csv.lineNumbers()[row] + ", column '" + csv.header().get(column) + "'";
    }
}
