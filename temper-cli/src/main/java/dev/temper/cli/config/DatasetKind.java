package dev.temper.cli.config;

/** Where the training data comes from; the YAML names are {@code mnist10k}, {@code idx} and {@code csv}. */
public enum DatasetKind implements YamlNamed {
    /** The 10,000-image MNIST subset embedded in the jar: runs with no download. */
    MNIST10K,
    /** Four IDX files named in the run file (train/test images and labels). */
    IDX,
    /** A CSV table with a header row: one label column, numeric features (see {@link CsvConfig}). */
    CSV
}
