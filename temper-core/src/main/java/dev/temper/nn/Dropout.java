package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;

/**
 * Inverted dropout (Srivastava et al. 2014): in training, each unit is zeroed with probability {@code rate} and
 * the kept ones are scaled by {@code 1 / (1 - rate)}, so inference is the identity and needs no rescaling.
 *
 * <p>{@code rate} is the probability of dropping, as in Keras and PyTorch (DL4J's {@code dropOut(x)} takes the
 * probability of keeping: a known trap). The mask comes from the forward context's generator; it is drawn in
 * training and in {@link Mode#MONTE_CARLO} passes only.
 */
public final class Dropout implements Layer {
    private final double rate;

    public Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout: rate (probability of dropping) must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    public double rate() {
        return rate;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        Tensor mask = maskFor(input.value().dtype(), input.shape(), context);
        return mask == null ? input : input.mul(Variable.constant(mask));
    }

    /** This pass's mask for an input of that type and shape, from the context's generator; null when dropout is off. */
    Tensor maskFor(DType dtype, Shape shape, ForwardContext context) {
        if (!context.dropoutActive() || rate == 0) {
            return null;
        }
        return mask(dtype, shape, context.rng());
    }

    /** The factor of a kept unit, {@code 1 / (1 - rate)}, as the float32 masks hold it. */
    float keptScale() {
        return (float) (1.0 / (1.0 - rate));
    }

    /**
     * Whether {@link #multiplyByMask} applies to outputs of the type of {@code values}: dropout is on in this pass and
     * the type is float32 (float64, for gradient checks, takes {@link #maskFor}).
     */
    boolean drawsInPlace(Tensor values, ForwardContext context) {
        return context.dropoutActive() && rate != 0 && values.dtype() == DType.FLOAT32;
    }

    /**
     * Multiplies a contiguous float32 tensor in place by this pass's mask: the draws {@link #maskFor} would make, the
     * bits of {@code output.mul(mask)}, without a mask tensor.
     */
    void multiplyByMask(Tensor output, ForwardContext context) {
        if (!output.isContiguous()) {
            throw new IllegalArgumentException("Dropout: the output to mask in place must be contiguous");
        }
        context.rng().multiplyByDropoutMask(output.floatData(), output.offset(), output.size(), rate, keptScale());
    }

    /** 0 with probability rate, else 1/(1-rate), in the input's type (float64 for gradient checks). */
    private Tensor mask(DType dtype, Shape shape, Rng rng) {
        Tensor m = Tensor.zeros(dtype, shape.toArray());
        if (dtype == DType.FLOAT32) {
            rng.dropoutMask(m.floatData(), 0, m.size(), rate, keptScale());
            return m;
        }
        // float64 (gradient checks): the same draws, so a float64 mask equals the float32 one
        float[] f = new float[m.size()];
        rng.dropoutMask(f, 0, f.length, rate, 1f);
        double[] d = m.doubleData();
        for (int i = 0; i < d.length; i++) {
            d[i] = f[i] == 0f ? 0.0 : 1.0 / (1.0 - rate);
        }
        return m;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "dropout";
    }
}
