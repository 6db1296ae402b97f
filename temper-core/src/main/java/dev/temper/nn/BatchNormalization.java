package dev.temper.nn;

import dev.temper.autograd.BatchNormalize;
import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch normalization (Ioffe and Szegedy 2015) over axis 1: features after a dense layer ({@code [batch, C]}) or
 * channels after a convolution ({@code [batch, C, H, W]}), with a learnable scale {@code gamma} (ones) and
 * shift {@code beta} (zeros).
 *
 * <p>In training the batch's own mean and variance normalize it, and running estimates follow them:
 * {@code running = momentum * running + (1 - momentum) * batch}. In inference the running estimates are used, so
 * one sample's output does not depend on the rest of its batch.
 *
 * <p>Defaults and conventions are Keras's: momentum 0.99 (the weight of the old estimate; PyTorch's
 * {@code momentum=0.1} is the weight of the new one, so it equals 0.9 here), epsilon 1e-3 (PyTorch: 1e-5), and
 * the running variance follows the biased batch variance (PyTorch folds in the unbiased one).
 */
public final class BatchNormalization implements Layer {
    private final int channels;
    private final double momentum;
    private final double epsilon;
    private final Parameter gamma;
    private final Parameter beta;
    private final Tensor runningMean;
    private final Tensor runningVariance;

    public BatchNormalization(int channels) {
        this(channels, 0.99, 1e-3, true, true);
    }

    /** {@code scale} and {@code center} say whether gamma and beta exist (Keras's names). */
    public BatchNormalization(int channels, double momentum, double epsilon, boolean scale, boolean center) {
        if (channels < 1) {
            throw new IllegalArgumentException("BatchNormalization: channels must be >= 1, got " + channels);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("BatchNormalization: momentum must be in [0, 1), got " + momentum);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("BatchNormalization: epsilon must be > 0, got " + epsilon);
        }
        this.channels = channels;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.gamma = scale ? new Parameter("gamma", Tensor.ones(channels)) : null;
        this.beta = center ? new Parameter("beta", Tensor.zeros(channels)) : null;
        this.runningMean = Tensor.zeros(channels);
        this.runningVariance = Tensor.ones(channels);
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        Shape s = input.shape();
        if (s.rank() < 2 || s.dim(1) != channels) {
            throw new IllegalArgumentException("BatchNormalization(" + channels + "): expected input [batch, "
                    + channels + ", ...], got " + s);
        }
        Variable g = gamma;
        Variable b = beta;
        if (!context.training()) {
            return BatchNormalize.withFixedStatistics(input, g, b, runningMean, runningVariance, epsilon);
        }
        if (s.size() / channels < 2) {
            throw new IllegalArgumentException("BatchNormalization(" + channels + "): training needs more than one value "
                    + "per channel to estimate a variance, got input " + s);
        }
        BatchNormalize.Result r = BatchNormalize.withBatchStatistics(input, g, b, epsilon);
        fold(runningMean, r.batchMean());
        fold(runningVariance, r.batchVariance());
        return r.output();
    }

    private void fold(Tensor running, Tensor batch) {
        for (int c = 0; c < channels; c++) {
            running.setFlat(c, momentum * running.getFlat(c) + (1 - momentum) * batch.getFlat(c));
        }
    }

    public Tensor runningMean() {
        return runningMean;
    }

    public Tensor runningVariance() {
        return runningVariance;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        if (gamma != null) {
            out.add(gamma);
        }
        if (beta != null) {
            out.add(beta);
        }
        return out;
    }

    @Override
    public Map<String, Tensor> buffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("running_mean", runningMean);
        out.put("running_variance", runningVariance);
        return out;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() < 1 || inputShape.dim(0) != channels) {
            throw new IllegalArgumentException("BatchNormalization(" + channels + "): expected input shape ["
                    + channels + ", ...], got " + inputShape);
        }
        return inputShape;
    }

    @Override
    public String kind() {
        return "batch_normalization";
    }
}
