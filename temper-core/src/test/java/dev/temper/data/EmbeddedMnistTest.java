package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The expected sizes and class counts are the ones stated in mnist10k/README.md. */
class EmbeddedMnistTest {

    @Test
    void trainingSetHas8000ImagesOf28By28WithMatchingLabels() {
        IdxFile images = EmbeddedMnist.trainImages();
        IdxFile labels = EmbeddedMnist.trainLabels();
        assertArrayEquals(new int[] {8000, 28, 28}, images.dimensions());
        assertArrayEquals(new int[] {8000}, labels.dimensions());
        ImageLabelCheck.check(images, labels, EmbeddedMnist.CLASS_COUNT, "mnist10k train");
    }

    @Test
    void testSetHas2000ImagesOf28By28WithMatchingLabels() {
        IdxFile images = EmbeddedMnist.testImages();
        IdxFile labels = EmbeddedMnist.testLabels();
        assertArrayEquals(new int[] {2000, 28, 28}, images.dimensions());
        assertArrayEquals(new int[] {2000}, labels.dimensions());
        ImageLabelCheck.check(images, labels, EmbeddedMnist.CLASS_COUNT, "mnist10k test");
    }

    @Test
    void testSetHas200OfEachDigit() {
        int[] perClass = classCounts(EmbeddedMnist.testLabels());
        for (int digit = 0; digit < 10; digit++) {
            assertEquals(200, perClass[digit], "test images of digit " + digit);
        }
    }

    @Test
    void trainingSetHas663To927OfEachDigit() {
        int[] perClass = classCounts(EmbeddedMnist.trainLabels());
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int count : perClass) {
            smallest = Math.min(smallest, count);
            largest = Math.max(largest, count);
        }
        assertEquals(663, smallest);
        assertEquals(927, largest);
    }

    @Test
    void topRowOfEveryImageIsBackground() {
        // True of all 10,000 digits (they are centred in the frame); an off-by-one in the header or a
        // transposed layout would put ink there.
        for (IdxFile images : new IdxFile[] {EmbeddedMnist.trainImages(), EmbeddedMnist.testImages()}) {
            int itemSize = images.itemSize();
            int maximum = 0;
            for (int item = 0; item < images.count(); item++) {
                for (int column = 0; column < 28; column++) {
                    assertEquals(0, images.unsigned(item * itemSize + column), "image " + item + " column " + column);
                }
            }
            for (int i = 0; i < images.count() * itemSize; i++) {
                maximum = Math.max(maximum, images.unsigned(i));
            }
            assertEquals(255, maximum, "full ink is round(255 * 1.0)");
        }
    }

    @Test
    void embeddedFilesMatchTheChecksumsInTheReadme() throws IOException, NoSuchAlgorithmException {
        String readme = new String(resource("README.md"), StandardCharsets.UTF_8);
        Matcher line = Pattern.compile("(?m)^([0-9a-f]{64})  (mnist10k-[a-z0-9-]+\\.gz)$").matcher(readme);
        int checked = 0;
        while (line.find()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(resource(line.group(2)));
            assertEquals(line.group(1), HexFormat.of().formatHex(digest), line.group(2));
            checked++;
        }
        assertEquals(4, checked, "checksum lines in mnist10k/README.md");
    }

    private static int[] classCounts(IdxFile labels) {
        int[] counts = new int[EmbeddedMnist.CLASS_COUNT];
        for (int i = 0; i < labels.count(); i++) {
            counts[labels.unsigned(i)]++;
        }
        return counts;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EmbeddedMnist.class.getResourceAsStream("mnist10k/" + name)) {
            assertNotNull(in, "resource mnist10k/" + name);
            return in.readAllBytes();
        }
    }
}
