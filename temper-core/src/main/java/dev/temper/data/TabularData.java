package dev.temper.data;

import dev.temper.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A CSV table as a dataset: one column is the label, every other column a numeric feature.
 *
 * <p>Labels that are all numbers stay numbers (regression values, or 0/1 for binary classification). Labels with
 * any non-numeric cell are class names, numbered 0, 1, ... in sorted order ({@link #classNames()}). A feature
 * cell that is empty, {@code NA}, or not a number is an error naming the file, line and column: temper does not
 * guess missing values.
 */
public record TabularData(Dataset dataset, List<String> featureNames, String labelName, List<String> classNames) {

    public static TabularData read(Path file, String labelColumn) {
        return from(CsvFile.read(file), labelColumn);
    }

    /**
     * Reads a second file (a test set) against the first one's columns and class names, so that class indices
     * mean the same in both; a class the first file lacks is an error naming it.
     */
    public static TabularData readLike(Path file, TabularData reference) {
        TabularData t = from(CsvFile.read(file), reference.labelName(), reference.classNames());
        if (!t.featureNames().equals(reference.featureNames())) {
            throw new DataFormatException(file + ": feature columns " + t.featureNames() + " differ from the training file's "
                    + reference.featureNames());
        }
        return t;
    }

    public static TabularData from(CsvFile csv, String labelColumn) {
        return from(csv, labelColumn, null);
    }

    private static TabularData from(CsvFile csv, String labelColumn, List<String> knownClasses) {
        int label = csv.column(labelColumn);
        int width = csv.header().size();
        if (width < 2) {
            throw new DataFormatException(csv.source() + ": needs at least one feature column besides the label '" + labelColumn + "'");
        }
        int n = csv.records().size();
        if (n == 0) {
            throw new DataFormatException(csv.source() + ": no data rows after the header");
        }
        List<String> features = new ArrayList<>(csv.header());
        features.remove(label);
        float[] x = new float[n * (width - 1)];
        for (int r = 0; r < n; r++) {
            String[] cells = csv.records().get(r);
            int j = 0;
            for (int c = 0; c < width; c++) {
                if (c != label) {
                    x[r * (width - 1) + j++] = number(csv, r, c, cells[c]);
                }
            }
        }
        List<String> classes = knownClasses != null ? knownClasses : classNames(csv, label);
        float[] y = new float[n];
        for (int r = 0; r < n; r++) {
            String cell = csv.records().get(r)[label];
            if (classes.isEmpty()) {
                y[r] = number(csv, r, label, cell);
            } else {
                y[r] = classes.indexOf(cell);
                if (y[r] < 0) {
                    throw new DataFormatException(csv.source() + " line " + csv.lineNumbers()[r] + ", column '"
                            + labelColumn + "': class '" + cell + "' does not occur in the training file " + classes);
                }
            }
        }
        return new TabularData(new Dataset(Tensor.of(x, n, width - 1), Tensor.of(y, n)), List.copyOf(features),
                labelColumn, classes);
    }

    /** Sorted distinct label names when some label is not a number; empty when all are numbers. */
    private static List<String> classNames(CsvFile csv, int label) {
        TreeSet<String> names = new TreeSet<>();
        boolean allNumbers = true;
        for (int r = 0; r < csv.records().size(); r++) {
            String cell = csv.records().get(r)[label];
            if (cell.isEmpty()) {
                throw new DataFormatException(csv.source() + " line " + csv.lineNumbers()[r] + ", column '"
                        + csv.header().get(label) + "': missing label");
            }
            names.add(cell);
            allNumbers &= parses(cell);
        }
        return allNumbers ? List.of() : List.copyOf(names);
    }

    private static boolean parses(String cell) {
        try {
            return Double.isFinite(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static float number(CsvFile csv, int row, int column, String cell) {
        String where = csv.source() + " line " + csv.lineNumbers()[row] + ", column '" + csv.header().get(column) + "'";
        if (cell.isEmpty() || cell.equalsIgnoreCase("NA") || cell.equalsIgnoreCase("NaN")) {
            throw new DataFormatException(where + ": missing value" + (cell.isEmpty() ? "" : " '" + cell + "'"));
        }
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new DataFormatException(where + ": '" + cell + "' is not a number");
        }
        if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
            throw new DataFormatException(where + ": " + cell + " is not a finite float32 number");
        }
        return (float) v;
    }
}
