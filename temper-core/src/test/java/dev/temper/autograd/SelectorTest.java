package dev.temper.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SelectorTest {
    private static final Tensor MATRIX = Tensor.zeros(2, 3);
    private static final Tensor VECTOR = Tensor.zeros(3);

    @Test
    void globsMatchWithinAndAcrossSegments() {
        assertTrue(Selector.byPath("dense_1.kernel").matches("dense_1.kernel", MATRIX));
        assertFalse(Selector.byPath("dense_1.kernel").matches("dense_11.kernel", MATRIX));
        assertTrue(Selector.byPath("*.bias").matches("dense_2.bias", VECTOR));
        assertFalse(Selector.byPath("*.bias").matches("encoder.dense_2.bias", VECTOR));
        assertTrue(Selector.byPath("**.bias").matches("encoder.dense_2.bias", VECTOR));
        assertTrue(Selector.byPath("**.bias").matches("bias", VECTOR));
        assertTrue(Selector.byPath("encoder.**").matches("encoder.dense_2.bias", VECTOR));
        assertFalse(Selector.byPath("encoder.**").matches("decoder.dense_2.bias", VECTOR));
        assertTrue(Selector.byPath("dense_*.kernel").matches("dense_7.kernel", MATRIX));
        assertFalse(Selector.byPath("dense_*.kernel").matches("dense_7.x.kernel", MATRIX));
        assertFalse(Selector.byPath("a+b").matches("aab", MATRIX), "regex characters are literal");
    }

    @Test
    void weightsAreTheMatricesAndCombinatorsCompose() {
        assertTrue(Selector.weights().matches("dense_1.kernel", MATRIX));
        assertFalse(Selector.weights().matches("dense_1.bias", VECTOR));
        Selector headWeights = Selector.weights().and(Selector.byPath("head.**"));
        assertTrue(headWeights.matches("head.kernel", MATRIX));
        assertFalse(headWeights.matches("body.kernel", MATRIX));
        assertTrue(Selector.weights().negate().matches("x.gamma", VECTOR));
        assertTrue(Selector.none().or(Selector.all()).matches("anything", VECTOR));
    }

    @Test
    void emptyGlobsAreRefused() {
        assertEquals("selector glob has an empty segment: 'a..b'",
                assertThrows(IllegalArgumentException.class, () -> Selector.byPath("a..b")).getMessage());
        assertEquals("selector glob must be non-empty, got ''",
                assertThrows(IllegalArgumentException.class, () -> Selector.byPath("")).getMessage());
    }
}
