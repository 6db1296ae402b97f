package dev.temper.data;

import java.util.Objects;

/**
 * Checks that a file of samples and a file of class labels belong together: one label per sample, every label
 * a valid class. MNIST-style data comes as two files, and a mismatched pair (a train image file with the test
 * labels, say) would otherwise train silently on noise.
 */
public final class ImageLabelCheck {

    private ImageLabelCheck() {
    }

    /**
     * @param images the samples: {@code count} items of any shape
     * @param labels one dimension, {@code count} labels in {@code 0..classCount-1}
     * @param classCount the number of classes, at least 1
     * @param what names the pair in messages, e.g. {@code "mnist10k train"}
     * @throws DataFormatException naming {@code what} and the first inconsistency found
     */
    public static void check(IdxFile images, IdxFile labels, int classCount, String what) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(what, "what");
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount must be >= 1, got " + classCount);
        }
        if (labels.dimensionCount() != 1) {
            throw new DataFormatException(what + ": labels must have one dimension, got "
                    + IdxFile.dimensionsText(labels.dimensions()));
        }
        if (images.count() != labels.count()) {
            throw new DataFormatException(what + ": " + images.count() + " images but " + labels.count()
                    + " labels; the two files do not belong together");
        }
        for (int i = 0; i < labels.count(); i++) {
            int label = labels.unsigned(i);
            if (label >= classCount) {
                throw new DataFormatException(what + ": label " + label + " at index " + i + " is outside 0.."
                        + (classCount - 1));
            }
        }
    }
}
