package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.temper.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularDataTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private String error(Path file, String label) {
        return assertThrows(DataFormatException.class, () -> TabularData.read(file, label)).getMessage();
    }

    @Test
    void readsNumericFeaturesAndTheNamedLabelColumn() throws IOException {
        Path p = write("a.csv", "\uFEFFx1, label ,x2\n1.5,1,-2\n\n\"3\",0,4e1\n");
        TabularData t = TabularData.read(p, "label");
        assertEquals(List.of("x1", "x2"), t.featureNames());
        assertEquals(List.of(), t.classNames());
        assertArrayEquals(new float[] {1.5f, -2f, 3f, 40f}, t.dataset().features().toFloatArray());
        assertArrayEquals(new float[] {1f, 0f}, t.dataset().targets().toFloatArray());
    }

    @Test
    void classNamesBecomeSortedIndices() throws IOException {
        Path p = write("b.csv", "f,species\n1,setosa\n2,virginica\n3,\"versi, color\"\n4,setosa\n");
        TabularData t = TabularData.read(p, "species");
        assertEquals(List.of("setosa", "versi, color", "virginica"), t.classNames());
        assertArrayEquals(new float[] {0, 2, 1, 0}, t.dataset().targets().toFloatArray());
    }

    @Test
    void badCellsAreNamedByFileLineAndColumn() throws IOException {
        Path p = write("c.csv", "a,b,y\n1,2,0\n1,,1\n");
        assertEquals(p + " line 3, column 'b': missing value", error(p, "y"));
        p = write("d.csv", "a,b,y\n1,2,0\n\n1,abc,1\n");
        assertEquals(p + " line 4, column 'b': 'abc' is not a number", error(p, "y"));
        p = write("e.csv", "a,b,y\n1,NA,0\n");
        assertEquals(p + " line 2, column 'b': missing value 'NA'", error(p, "y"));
        p = write("f.csv", "a,b,y\n1,2\n");
        assertEquals(p + " line 2: expected 3 fields as in the header, got 2", error(p, "y"));
        p = write("g.csv", "a,b,y\n1,2,3\n");
        assertEquals(p + ": no column named 'label'; columns are a, b, y", error(p, "label"));
        p = write("h.csv", "");
        assertEquals(p + ": empty file (expected a header row of column names)", error(p, "y"));
        p = write("i.csv", "a,a,y\n1,2,3\n");
        assertEquals(p + " line 1: column name 'a' appears twice in the header", error(p, "y"));
        p = write("j.csv", "a,y\n\"1,2\n");
        assertEquals(p + " line 2: a quoted field is not closed", error(p, "y"));
        p = write("k.csv", "a,y\n1e999,0\n");
        assertEquals(p + " line 2, column 'a': 1e999 is not a finite float32 number", error(p, "y"));
        assertEquals(dir.resolve("none.csv") + ": file not found", error(dir.resolve("none.csv"), "y"));
    }

    @Test
    void standardizationUsesOnlyTheStatisticsItWasFittedOn() {
        Tensor train = Tensor.of(new float[] {1, 10, 3, 10, 5, 10}, 3, 2); // column 2 is constant
        Standardization s = Standardization.fit(train);
        assertArrayEquals(new double[] {3, 10}, s.mean(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(8.0 / 3), 0}, s.std(), 1e-12);
        Tensor test = Tensor.of(new float[] {7, 12}, 1, 2);
        assertArrayEquals(new float[] {(float) (4 / Math.sqrt(8.0 / 3)), 2f}, s.apply(test).toFloatArray(), 1e-6f);
        Tensor fitted = s.apply(train);
        assertEquals(0.0, fitted.mean(false, 0).getFlat(0), 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.apply(Tensor.zeros(2, 3)));
        assertEquals("standardization: fitted on 2 features, got input [2, 3]", e.getMessage());
    }
}
