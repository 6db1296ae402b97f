package dev.temper.cli;

import dev.temper.data.Dataset;
import dev.temper.nn.Conv2d;
import dev.temper.nn.Dense;
import dev.temper.nn.Flatten;
import dev.temper.nn.MaxPool2d;
import dev.temper.nn.ReLU;
import dev.temper.nn.Reshape;
import dev.temper.nn.Sequential;
import dev.temper.tensor.Conv2dGeometry;
import dev.temper.tensor.GroupedConvolution;
import dev.temper.tensor.Padding;
import dev.temper.tensor.Rng;
import java.util.List;
import java.util.Map;

/**
 * The benchmark CNN of the issue: conv 5x5x32 'valid' + ReLU, max-pool 2, conv 5x5x64 'valid' + ReLU, max-pool 2,
 * flatten, dense 256 + ReLU, dense 10, on 28x28 grey images (the flat 784 pixels reshaped to [1, 28, 28]),
 * standardized.
 */
final class CnnBench {
    private static final int BATCH = BenchCommand.BATCH;
    private static final Conv2dGeometry FIRST = Conv2dGeometry.of("conv 1", 1, 28, 28, 5, 5, 1, 1, 1, 1, Padding.valid());
    private static final Conv2dGeometry SECOND = Conv2dGeometry.of("conv 2", 32, 12, 12, 5, 5, 1, 1, 1, 1, Padding.valid());
    /** Images per group in the backward pass of each layer ({@link GroupedConvolution}). */
    private static final int FIRST_GROUP = GroupedConvolution.groupSize(FIRST, BATCH);
    private static final int SECOND_GROUP = GroupedConvolution.groupSize(SECOND, BATCH);

    /** One GEMM shape of a training step and how many times a step calls it (fractional: a short last group). */
    record Call(GemmShape shape, double perStep) {}

    /**
     * The GEMMs of one training step at batch 128, as {@link GroupedConvolution} issues them: forward one GEMM
     * per image for the first layer ({@code K @ cols_n}), one per group for the second ({@code cols^T @ K^T}); kernel gradient one per group ({@code dK += G @ cols^T} for the shallow first
     * layer, {@code dK^T += cols @ G^T} for the second); column gradient {@code K^T @ G} one per group, except for
     * the first layer, whose input needs none; then the two dense layers.
     */
    static final List<Call> CALLS = List.of(
            new Call(new GemmShape("c1fwd", 32, 25, 576, false, false), BATCH),
            new Call(new GemmShape("c1dK", 32, FIRST_GROUP * 576, 25, false, true), (double) BATCH / FIRST_GROUP),
            new Call(new GemmShape("c2fwd", SECOND_GROUP * 64, 800, 64, true, true), (double) BATCH / SECOND_GROUP),
            new Call(new GemmShape("c2dK", 800, SECOND_GROUP * 64, 64, false, true), (double) BATCH / SECOND_GROUP),
            new Call(new GemmShape("c2dcol", 800, 64, SECOND_GROUP * 64, true, false), (double) BATCH / SECOND_GROUP),
            new Call(new GemmShape("d1fwd", BATCH, 1024, 256, false, false), 1),
            new Call(new GemmShape("d1dW", 1024, BATCH, 256, true, false), 1),
            new Call(new GemmShape("d1dX", BATCH, 256, 1024, false, true), 1),
            new Call(new GemmShape("d2fwd", BATCH, 256, 10, false, false), 1),
            new Call(new GemmShape("d2dW", 256, BATCH, 10, true, false), 1),
            new Call(new GemmShape("d2dX", BATCH, 10, 256, false, true), 1));

    /** The distinct shapes, for timing. */
    static final List<GemmShape> SHAPES = CALLS.stream().map(Call::shape).toList();

    private CnnBench() {}

    /** Seconds of GEMM in one epoch of {@code examples} at the measured rates (GFLOP/s by shape). */
    static double limitSeconds(Map<GemmShape, Double> rates, int examples) {
        double step = 0;
        for (Call c : CALLS) {
            step += c.perStep() * c.shape().flops() / (rates.get(c.shape()) * 1e9);
        }
        return step * examples / BATCH;
    }

    /**
     * Standardizes both sets, in place, with the training set's pixel mean and standard deviation (one of each over
     * all pixels), as PyTorch's Fashion-MNIST examples do with {@code Normalize((0.2860,), (0.3530,))}. Why: on
     * pixels in [0, 1] (mean 0.29) this CNN reached 89.3% test accuracy after 3 epochs, standardized 90.1-90.8% over
     * three seeds (BENCHMARKS.md). The statistics come from the training images only, so nothing of the test set
     * leaks; in place, because a copy of the training images would add 188 MB to the peak memory measured.
     */
    static void standardizeInPlace(Dataset train, Dataset test) {
        float[] pixels = contiguous(train);
        double sum = 0;
        for (float p : pixels) {
            sum += p;
        }
        double mean = sum / pixels.length;
        double squares = 0;
        for (float p : pixels) {
            squares += (p - mean) * (p - mean);
        }
        double std = Math.sqrt(squares / pixels.length);
        for (Dataset d : new Dataset[] {train, test}) {
            float[] values = contiguous(d);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((values[i] - mean) / std);
            }
        }
    }

    private static float[] contiguous(Dataset data) {
        float[] values = data.features().floatData();
        if (data.features().offset() != 0 || values.length != data.features().size()) {
            throw new IllegalArgumentException("CnnBench: the features must own their whole array");
        }
        return values;
    }

    static Sequential model(Rng rng) {
        return new Sequential(new Reshape(1, 28, 28),
                new Conv2d(1, 32, 5, rng), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 5, rng), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Dense(64 * 4 * 4, 256, rng), new ReLU(), new Dense(256, 10, rng));
    }
}
