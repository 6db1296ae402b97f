package dev.temper.cli.config;

import java.nio.file.Path;

/**
 * Where the examples come from and how many are held out.
 *
 * @param dataset {@code mnist10k} (embedded, no paths) or {@code idx} (all four paths)
 * @param trainImages IDX images for training; set exactly when the dataset is idx
 * @param trainLabels IDX labels for training; set exactly when the dataset is idx
 * @param testImages IDX images for the final test; set exactly when the dataset is idx
 * @param testLabels IDX labels for the final test; set exactly when the dataset is idx
 * @param validationSplit fraction of the training set held out for validation, in [0, 1)
 * @param csv the table's settings; set exactly when the dataset is csv
 * @param trainExamples train on a seeded random subset of this many of the examples left after the validation
 *     split (0: all of them); fewer examples make overfitting, and what regularization does about it, plain
 */
public record DataConfig(
        DatasetKind dataset,
        Path trainImages,
        Path trainLabels,
        Path testImages,
        Path testLabels,
        double validationSplit,
        CsvConfig csv,
        int trainExamples) {

    /** All the training examples that the validation split leaves. */
    public DataConfig(DatasetKind dataset, Path trainImages, Path trainLabels, Path testImages, Path testLabels,
                      double validationSplit, CsvConfig csv) {
        this(dataset, trainImages, trainLabels, testImages, testLabels, validationSplit, csv, 0);
    }

    /** An image dataset (mnist10k or idx). */
    public DataConfig(DatasetKind dataset, Path trainImages, Path trainLabels, Path testImages, Path testLabels,
                      double validationSplit) {
        this(dataset, trainImages, trainLabels, testImages, testLabels, validationSplit, null);
    }

    public DataConfig {
        if (dataset == null) {
            throw new IllegalArgumentException("dataset must not be null");
        }
        Range.FRACTION.check("validationSplit", validationSplit);
        Range.AT_LEAST_ZERO.check("trainExamples", trainExamples);
        // Paths that a dataset ignores are refused rather than carried: two equal configs then
        // always describe the same run, and the provenance record shows no dead settings.
        boolean needsPaths = dataset == DatasetKind.IDX;
        requirePath("trainImages", trainImages, needsPaths, dataset);
        requirePath("trainLabels", trainLabels, needsPaths, dataset);
        requirePath("testImages", testImages, needsPaths, dataset);
        requirePath("testLabels", testLabels, needsPaths, dataset);
        if ((dataset == DatasetKind.CSV) != (csv != null)) {
            throw new IllegalArgumentException(dataset == DatasetKind.CSV ? "dataset csv needs its csv settings"
                    : "csv settings apply to dataset csv, not " + dataset.yamlName());
        }
    }

    /** The embedded MNIST subset with a tenth of the training set held out. */
    public static DataConfig defaults() {
        return new DataConfig(DatasetKind.MNIST10K, null, null, null, null, 0.1);
    }

    /** This data section training on {@code n} examples (0: all). */
    public DataConfig withTrainExamples(int n) {
        return new DataConfig(dataset, trainImages, trainLabels, testImages, testLabels, validationSplit, csv, n);
    }

    private static void requirePath(String name, Path path, boolean needed, DatasetKind dataset) {
        if (needed && path == null) {
            throw new IllegalArgumentException(name + " must be set for dataset " + dataset.yamlName());
        }
        if (!needed && path != null) {
            throw new IllegalArgumentException(
                    name + " applies to dataset idx, not " + dataset.yamlName() + ", got " + path);
        }
    }
}
