package dev.temper.cli;

import dev.temper.cli.config.CsvConfig;
import dev.temper.cli.config.DataConfig;
import dev.temper.cli.config.DatasetKind;
import dev.temper.cli.config.Preprocessing;
import dev.temper.data.Dataset;
import dev.temper.data.EmbeddedMnist;
import dev.temper.data.FoldPreprocessing;
import dev.temper.data.IdxFile;
import dev.temper.data.IdxReader;
import dev.temper.data.ImageShape;
import dev.temper.data.ImageClassification;
import dev.temper.data.Standardization;
import dev.temper.data.TabularData;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.List;

/**
 * The three splits a run uses, from the config's data section.
 *
 * @param classNames class names of a CSV label column of names; empty otherwise
 * @param numericLabels whether the labels are plain numbers from a CSV file (regression, or 0/1)
 * @param imageShape the layout of each row for image data (what augmentations need); null for table rows
 * @param table the CSV file's columns (features, label) and the standardization fitted on the training split;
 *     null for image data
 */
record TrainingData(Dataset train, Dataset validation, Dataset test, List<String> classNames, boolean numericLabels,
                    ImageShape imageShape, TableColumns table) {

    /**
     * @param standardization null when the features are used as they are
     * @param trainAsRead the training split's features before standardization (null without it): cross-validation
     *     standardizes each fold with its own training rows' statistics instead
     * @param validationAsRead the validation split's, likewise
     */
    record TableColumns(List<String> features, String label, Standardization standardization, Tensor trainAsRead,
                        Tensor validationAsRead) {}

    /** Rows to cross-validate, and what to fit on each fold's training rows before training on them. */
    record CrossValidationPool(Dataset rows, FoldPreprocessing preprocessing) {}

    /**
     * {@code rows}, this data's training split or its training then validation splits (targets in the loss's form),
     * for cross-validation. Features standardized with the training split's statistics go back to their values as
     * read, with standardization fitted per fold ({@link FoldPreprocessing#standardize()}): fitted before the folds
     * are dealt, each held-out fold's own statistics would shape the features its model trains on.
     */
    CrossValidationPool crossValidationPool(Dataset rows, boolean withValidation) {
        if (table == null || table.standardization() == null) {
            return new CrossValidationPool(rows, FoldPreprocessing.none());
        }
        Tensor asRead = withValidation && validation.size() > 0
                ? Tensor.concat(0, table.trainAsRead(), table.validationAsRead()) : table.trainAsRead();
        if (asRead.dim(0) != rows.size()) {
            throw new IllegalStateException("cross-validation: " + rows.size() + " rows to validate, " + asRead.dim(0)
                    + " as read");
        }
        return new CrossValidationPool(new Dataset(asRead, rows.targets()), FoldPreprocessing.standardize());
    }

    /** What a model trained on this data expects and means: stored in its model file. */
    Preprocessing preprocessing(Task task) {
        String taskName = task.name().toLowerCase(java.util.Locale.ROOT);
        if (table == null && imageShape != null) {
            return Preprocessing.images(imageShape.channels(), imageShape.height(), imageShape.width(), taskName);
        }
        if (table == null) { // IDX samples that are not 2-D images: only their size is known
            return new Preprocessing(inputs(), taskName, List.of(), null, List.of(), List.of(), List.of(), List.of());
        }
        Standardization s = table.standardization();
        return new Preprocessing(inputs(), taskName, List.of(), table.label(), table.features(), classNames,
                s == null ? List.of() : boxed(s.mean()), s == null ? List.of() : boxed(s.std()));
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    /** Features per example. */
    int inputs() {
        return train.features().size() / Math.max(1, train.size());
    }

    /** Largest class index + 1 over all splits (for integer labels). */
    int classCount() {
        if (!classNames.isEmpty()) {
            return classNames.size();
        }
        double max = 0;
        for (Dataset d : List.of(train, validation, test)) {
            for (int i = 0; i < d.size(); i++) {
                max = Math.max(max, d.targets().getFlat(i));
            }
        }
        return (int) max + 1;
    }

    /**
     * Loads and splits. The generator is split once for the validation split (and, for a CSV file without a test
     * file, once before that for the test split), so image runs draw exactly as before CSV support existed.
     */
    static TrainingData load(DataConfig data, Rng rng) {
        if (data.dataset() != DatasetKind.CSV) {
            IdxFile trainImages = data.dataset() == DatasetKind.MNIST10K ? EmbeddedMnist.trainImages()
                    : IdxReader.read(data.trainImages());
            Dataset[] trainTest = data.dataset() == DatasetKind.MNIST10K ? ImageClassification.embeddedMnist() : new Dataset[] {
                ImageClassification.fromIdx(trainImages, IdxReader.read(data.trainLabels()), EmbeddedMnist.CLASS_COUNT, "training data"),
                ImageClassification.fromIdx(IdxReader.read(data.testImages()), IdxReader.read(data.testLabels()), EmbeddedMnist.CLASS_COUNT, "test data")
            };
            Dataset[] trainValidation = trainTest[0].split(data.validationSplit(), rng.split());
            return new TrainingData(subset(trainValidation[0], data.trainExamples(), rng), trainValidation[1],
                    trainTest[1], List.of(), false, imageShape(trainImages), null);
        }
        CsvConfig csv = data.csv();
        TabularData table = TabularData.read(csv.train(), csv.label());
        Dataset pool = table.dataset();
        Dataset test;
        if (csv.test() != null) {
            test = TabularData.readLike(csv.test(), table).dataset();
        } else {
            Dataset[] split = pool.split(csv.testSplit(), rng.split());
            pool = split[0];
            test = split[1];
        }
        Dataset[] trainValidation = pool.split(data.validationSplit(), rng.split());
        Dataset train = subset(trainValidation[0], data.trainExamples(), rng);
        Dataset validation = trainValidation[1];
        Standardization s = null;
        Tensor trainAsRead = null;
        Tensor validationAsRead = null;
        if (csv.standardize()) {
            s = Standardization.fit(train.features()); // the training split only: no leakage
            trainAsRead = train.features();
            validationAsRead = validation.features();
            train = s.apply(train);
            validation = validation.size() == 0 ? validation : s.apply(validation);
            test = test.size() == 0 ? test : s.apply(test);
        }
        return new TrainingData(train, validation, test, table.classNames(), table.classNames().isEmpty(), null,
                new TableColumns(table.featureNames(), table.labelName(), s, trainAsRead, validationAsRead));
    }

    /**
     * A seeded random {@code n} of the training examples (all of them when {@code n} is 0; the generator is split
     * only then, so runs without a subset draw as before).
     */
    private static Dataset subset(Dataset train, int n, Rng rng) {
        if (n == 0) {
            return train;
        }
        if (n > train.size()) {
            throw new UsageException("data: train_examples is " + n + " but the validation split leaves "
                    + train.size() + " training examples");
        }
        return train.subset(java.util.Arrays.copyOf(rng.split().permutation(train.size()), n));
    }

    /** Greyscale {@code [count, height, width]} images; other layouts have no shape augmentations can use. */
    private static ImageShape imageShape(IdxFile images) {
        return images.dimensionCount() == 3 ? ImageShape.grey(images.dimension(1), images.dimension(2)) : null;
    }
}
