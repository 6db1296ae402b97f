package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link Erf} against Python's {@code math.erf} / {@code math.erfc} (C library, correctly rounded or within an ulp),
 * from {@code erf.txt} written by {@code temper-core/src/test/fixtures/activations.py}: 250+ points over [-6, 6],
 * the boundaries of Cody's three intervals, tiny arguments and the erfc tail down to 1e-296.
 */
class ErfTest {
    /**
     * A few ulp: Cody's approximations are accurate to ~1e-18, so the rounding of the double evaluation (about ten
     * operations and two exponentials) dominates; 1e-15 is about 9 ulp, far below float32's 6e-8.
     */
    private static final double RELATIVE = 1e-15;

    @Test
    void matchesPythonsMathErfAndErfc() throws IOException {
        int checked = 0;
        try (InputStream in = ErfTest.class.getResourceAsStream("/dev/temper/fixtures/erf.txt")) {
            assertTrue(in != null, "missing erf.txt; run activations.py");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                double x = Double.parseDouble(f[0]);
                assertRelative(Double.parseDouble(f[1]), Erf.erf(x), "erf(" + x + ")");
                assertRelative(Double.parseDouble(f[2]), Erf.erfc(x), "erfc(" + x + ")");
                checked++;
            }
        }
        assertTrue(checked > 250, "checked " + checked + " points");
    }

    @Test
    void matchesTabulatedValues() {
        // Abramowitz and Stegun, Handbook of Mathematical Functions, table 7.1 (erf to 10 decimals).
        assertEquals(0.5204998778, Erf.erf(0.5), 5e-11);
        assertEquals(0.8427007929, Erf.erf(1.0), 5e-11);
        assertEquals(0.9953222650, Erf.erf(2.0), 5e-11);
    }

    @Test
    void limitsSymmetryAndNan() {
        assertEquals(0.0, Erf.erf(0.0), 0.0);
        assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(0.0, Erf.erfc(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(2.0, Erf.erfc(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(0.0, Erf.erfc(30.0), 0.0); // true value 2.6e-393 underflows
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)) && Double.isNaN(Erf.erfc(Double.NaN)));
        for (double x = -7; x <= 7; x += 0.01) {
            assertEquals(-Erf.erf(x), Erf.erf(-x), 0.0, "erf is odd at " + x);
            assertEquals(2.0, Erf.erfc(x) + Erf.erfc(-x), 4e-16, "erfc(x) + erfc(-x) = 2 at " + x);
        }
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= RELATIVE * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual + " (relative error " + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }
}
