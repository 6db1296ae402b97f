package dev.temper.cli.config;

import java.nio.file.Path;

/**
 * A tabular dataset read from CSV.
 *
 * @param train the CSV file to train on (header row; one label column; every other column a numeric feature)
 * @param test an optional CSV file with the same columns for the final test; when null, {@code testSplit} of the
 *     training file is held out for it (seeded)
 * @param label the name of the label column: class names or 0/1 for classification, numbers for regression
 * @param testSplit fraction of the training file held out for the test when there is no test file, in [0, 1)
 * @param standardize whether to standardize features with statistics of the training split only
 */
public record CsvConfig(Path train, Path test, String label, double testSplit, boolean standardize) {
    public static final double DEFAULT_TEST_SPLIT = 0.2;

    public CsvConfig {
        if (train == null) {
            throw new IllegalArgumentException("csv dataset needs 'train' (the path of a CSV file)");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("csv dataset needs 'label' (the name of the label column)");
        }
        Range.FRACTION.check("testSplit", testSplit);
        if (test != null && testSplit != 0) {
            throw new IllegalArgumentException("csv dataset: 'test_split' applies only without a 'test' file, got " + testSplit);
        }
    }
}
