package dev.temper.data;

import dev.temper.tensor.Tensor;

/**
 * Turns an IDX image file and its label file into a {@link Dataset}: pixels scaled from 0..255 to [0, 1] and
 * flattened to {@code [n, height * width]}, labels as class indices.
 */
public final class ImageClassification {
    private ImageClassification() {}

    /** @param classCount labels must lie in 0..classCount-1 (checked, with the offending row named) */
    public static Dataset fromIdx(IdxFile images, IdxFile labels, int classCount, String what) {
        ImageLabelCheck.check(images, labels, classCount, what);
        int n = images.count();
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.unsigned(i);
        }
        return new Dataset(features(images), Tensor.wrap(y, n));
    }

    /** The images alone, as a model sees them: {@code [n, height * width]}, pixels scaled from 0..255 to [0, 1]. */
    public static Tensor features(IdxFile images) {
        int n = images.count();
        int pixels = images.itemSize();
        float[] x = new float[n * pixels];
        for (int i = 0; i < x.length; i++) {
            x[i] = images.unsigned(i) / 255f; // no data() copy: 47 MB less at peak for Fashion-MNIST
        }
        return Tensor.wrap(x, n, pixels);
    }

    /** The embedded 10k MNIST subset: [train (8000), test (2000)]. */
    public static Dataset[] embeddedMnist() {
        return new Dataset[] {
            fromIdx(EmbeddedMnist.trainImages(), EmbeddedMnist.trainLabels(), EmbeddedMnist.CLASS_COUNT, "embedded MNIST train"),
            fromIdx(EmbeddedMnist.testImages(), EmbeddedMnist.testLabels(), EmbeddedMnist.CLASS_COUNT, "embedded MNIST test")
        };
    }
}
