package dev.temper.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.nn.Dense;
import dev.temper.nn.Dropout;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelChangesTest {
    private static Sequential mlp() {
        Rng rng = new Rng(1);
        return new Sequential(new Dense(4, 8, rng), new ReLU(), new Dense(8, 8, rng), new ReLU(), new Dense(8, 3, rng));
    }

    @Test
    void dropoutGoesAfterHiddenActivationsOnlyAndTheWeightsAreTheSameObjects() {
        Sequential base = mlp();
        Sequential s = ModelChanges.dropout(base, 0.5, 0.2);
        assertEquals(List.of("dropout_1", "dense_1", "relu_1", "dropout_2", "dense_2", "relu_2", "dropout_3", "dense_3"),
                s.layerNames());
        assertEquals(0.2, ((Dropout) s.layers().get(0)).rate());
        assertEquals(0.5, ((Dropout) s.layers().get(3)).rate());
        assertSame(base.namedParameters().get("dense_2.kernel"), s.namedParameters().get("dense_2.kernel"));
        assertEquals(List.of("dense_1", "relu_1", "dropout_1", "dense_2", "relu_2", "dropout_2", "dense_3"),
                ModelChanges.dropout(mlp(), 0.5, 0).layerNames());
    }

    @Test
    void batchNormalizationGoesAfterHiddenDenseLayersBeforeTheirActivation() {
        Sequential s = ModelChanges.batchNormalization(mlp());
        assertEquals(List.of("dense_1", "batch_normalization_1", "relu_1", "dense_2", "batch_normalization_2", "relu_2",
                "dense_3"), s.layerNames());
        assertEquals(8, s.namedParameters().get("batch_normalization_2.gamma").value().size());
    }

    @Test
    void aModelWithoutHiddenLayersIsRefused() {
        Sequential linear = new Sequential(new Dense(4, 3, new Rng(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelChanges.dropout(linear, 0.5, 0));
        assertTrue(e.getMessage().contains("no hidden activation"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelChanges.batchNormalization(linear));
        assertTrue(e.getMessage().contains("no hidden dense layer"), e.getMessage());
    }
}
