/**
 * Datasets and readers: IDX files (the format MNIST and Fashion-MNIST are distributed in) through
 * {@link dev.temper.data.IdxReader}, the embedded 10,000-digit MNIST subset in
 * {@link dev.temper.data.EmbeddedMnist}, and checks that sample and label files belong together. It will also
 * hold the {@code Dataset} and {@code Loader} types, the CSV reader and augmentation.
 *
 * <p>Readers never trust a file's header with an allocation, and every problem with a data file is a
 * {@link dev.temper.data.DataFormatException} whose one-line message names the file.
 *
 * <p>May import {@code dev.temper.tensor} only (and the JDK).
 */
package dev.temper.data;
