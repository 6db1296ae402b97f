/**
 * Datasets and readers: IDX files (the format MNIST and Fashion-MNIST are distributed in) through
 * {@link dev.temper.data.IdxReader}, the embedded 10,000-digit MNIST subset in
 * {@link dev.temper.data.EmbeddedMnist}, and checks that sample and label files belong together; in-memory
 * {@link dev.temper.data.Dataset}s with random and stratified splits and {@link dev.temper.data.KFold} folds
 * ({@link dev.temper.data.FoldSummary} reports a metric over them); mini-batches ({@link dev.temper.data.Batches},
 * optionally gathered ahead on a background thread by {@link dev.temper.data.PrefetchingBatches}); and seeded image
 * augmentation ({@link dev.temper.data.Augmentation}, composed by {@link dev.temper.data.Pipeline}, plus
 * {@link dev.temper.data.Mixup}, which also mixes targets).
 *
 * <p>Readers never trust a file's header with an allocation, and every problem with a data file is a
 * {@link dev.temper.data.DataFormatException} whose one-line message names the file.
 *
 * <p>May import {@code dev.temper.tensor} only (and the JDK).
 */
package dev.temper.data;
