package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.temper.data.Dataset;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CnnBenchTest {

    @Test
    void standardizesBothSetsWithTheTrainingSetsStatisticsOnly() {
        // training pixels 0, 1, 2, 3: mean 1.5, population std sqrt(1.25)
        Dataset train = new Dataset(Tensor.of(new float[] {0, 1, 2, 3}, 2, 2), Tensor.of(new float[] {0, 1}, 2));
        Dataset test = new Dataset(Tensor.of(new float[] {1.5f, 10}, 1, 2), Tensor.of(new float[] {1}, 1));
        CnnBench.standardizeInPlace(train, test);
        double std = Math.sqrt(1.25);
        assertArrayEquals(new float[] {(float) (-1.5 / std), (float) (-0.5 / std), (float) (0.5 / std), (float) (1.5 / std)},
                train.features().toFloatArray(), 1e-6f);
        // the test set gets the training set's map, not its own statistics (which would make both values +-1)
        assertArrayEquals(new float[] {0f, (float) (8.5 / std)}, test.features().toFloatArray(), 1e-6f);
        assertEquals(0, train.targets().toFloatArray()[0]);
    }
}
