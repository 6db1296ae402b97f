package dev.temper.nn;

import dev.temper.autograd.LayerNormalize;
import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.List;

/**
 * Layer normalization (Ba, Kiros and Hinton 2016) over the last axis: each example is normalized by its own
 * statistics, so training and inference behave the same and batch size does not matter. Learnable
 * {@code gamma} (ones) and {@code beta} (zeros) of the last axis's size. Epsilon 1e-3 as Keras (PyTorch: 1e-5).
 */
public final class LayerNormalization implements Layer {
    private final int features;
    private final double epsilon;
    private final Parameter gamma;
    private final Parameter beta;

    public LayerNormalization(int features) {
        this(features, 1e-3);
    }

    public LayerNormalization(int features, double epsilon) {
        if (features < 1) {
            throw new IllegalArgumentException("LayerNormalization: features must be >= 1, got " + features);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("LayerNormalization: epsilon must be > 0, got " + epsilon);
        }
        this.features = features;
        this.epsilon = epsilon;
        this.gamma = new Parameter("gamma", Tensor.ones(features));
        this.beta = new Parameter("beta", Tensor.zeros(features));
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        Shape s = input.shape();
        if (s.rank() < 2 || s.dim(s.rank() - 1) != features) {
            throw new IllegalArgumentException("LayerNormalization(" + features + "): expected input [batch, ..., "
                    + features + "], got " + s);
        }
        return LayerNormalize.apply(input, gamma, beta, epsilon);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() < 1 || inputShape.dim(inputShape.rank() - 1) != features) {
            throw new IllegalArgumentException("LayerNormalization(" + features + "): expected input shape [..., "
                    + features + "], got " + inputShape);
        }
        return inputShape;
    }

    @Override
    public String kind() {
        return "layer_normalization";
    }
}
