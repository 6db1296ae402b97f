package dev.temper.nn;

import dev.temper.autograd.Convolution2d;
import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Conv2dGeometry;
import dev.temper.tensor.Convolution;
import dev.temper.tensor.Padding;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import java.util.List;

/**
 * 2-D convolution layer on {@code [batch, channels, height, width]} (NCHW, PyTorch's layout), with
 * {@code kernel [outChannels, inChannels, kh, kw]} and {@code bias [outChannels]}; see {@link Convolution2d} for
 * the formula. Stride, dilation and padding ({@link Padding#valid()}, {@link Padding#same()} with TensorFlow's split
 * of odd padding, or explicit) as in Keras's {@code Conv2D} and PyTorch's {@code Conv2d}.
 *
 * <p>Defaults as in Keras: Glorot-uniform kernel with {@code fanIn = inChannels * kh * kw} and
 * {@code fanOut = outChannels * kh * kw}, zero bias. The image size is not fixed: it is read from each input.
 */
public final class Conv2d implements Layer {
    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] dilation;
    private final Padding padding;
    private final Parameter kernel;
    private final Parameter bias;

    /** A {@code kernelSize x kernelSize} convolution, stride 1, valid padding, Keras's default initialization. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, Rng rng) {
        this(inChannels, outChannels, kernelSize, 1, Padding.valid(), rng);
    }

    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, Padding padding, Rng rng) {
        this(inChannels, outChannels, new int[] {kernelSize, kernelSize}, new int[] {stride, stride}, padding,
                new int[] {1, 1}, Initializer.glorotUniform(), Initializer.zeros(), rng);
    }

    /**
     * The general form; sizes are {@code {height, width}} pairs.
     *
     * @param biasInitializer null for a layer without bias
     */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, Padding padding, int[] dilation,
                  Initializer kernelInitializer, Initializer biasInitializer, Rng rng) {
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("Conv2d: inChannels and outChannels must be >= 1, got " + inChannels + " and " + outChannels);
        }
        this.kernelSize = pair("kernelSize", kernelSize);
        this.stride = pair("stride", stride);
        this.dilation = pair("dilation", dilation);
        if (padding == null) {
            throw new IllegalArgumentException("Conv2d: padding must not be null");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.padding = padding;
        int taps = this.kernelSize[0] * this.kernelSize[1];
        int[] kernelShape = {outChannels, inChannels, this.kernelSize[0], this.kernelSize[1]};
        this.kernel = new Parameter("kernel", kernelInitializer.create(kernelShape, inChannels * taps, outChannels * taps, rng));
        this.bias = biasInitializer == null ? null
                : new Parameter("bias", biasInitializer.create(new int[] {outChannels}, inChannels * taps, outChannels * taps, rng));
    }

    private static int[] pair(String name, int[] values) {
        if (values == null || values.length != 2 || values[0] < 1 || values[1] < 1) {
            throw new IllegalArgumentException("Conv2d: " + name + " must be two integers >= 1 (height, width), got "
                    + java.util.Arrays.toString(values));
        }
        return values.clone();
    }

    public Parameter kernel() {
        return kernel;
    }

    public Parameter bias() {
        return bias;
    }

    /** The window geometry for one input image of {@code [channels, height, width]}. */
    public Conv2dGeometry geometry(Shape image) {
        if (image.rank() != 3 || image.dim(0) != inChannels) {
            throw new IllegalArgumentException(this + ": expected input [" + inChannels + ", height, width] (without batch), got " + image);
        }
        return Conv2dGeometry.of(toString(), inChannels, image.dim(1), image.dim(2), kernelSize[0], kernelSize[1],
                stride[0], stride[1], dilation[0], dilation[1], padding);
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        return forward(input, false);
    }

    /**
     * This layer followed by a ReLU, as one fused op ({@link Convolution2d#apply(Variable, Variable, Variable,
     * Conv2dGeometry, boolean)}): {@link Sequential} runs a {@code Conv2d} and the {@link ReLU} right after it this way.
     */
    public Variable forwardWithRelu(Variable input) {
        return forward(input, true);
    }

    /**
     * This layer, a ReLU and {@code pool} as one fused op ({@link Convolution2d#applyWithReluAndPool}) when
     * {@link Convolution#fusesPooling} holds for the input; else null, and the caller runs them in turn.
     */
    public Variable forwardWithReluAndPool(Variable input, MaxPool2d pool) {
        Shape s = input.shape();
        if (s.rank() != 4 || s.dim(1) != inChannels) {
            throw new IllegalArgumentException(this + ": expected input [batch, " + inChannels + ", height, width], got " + s);
        }
        Conv2dGeometry g = geometry(Shape.of(s.dim(1), s.dim(2), s.dim(3)));
        if (!Convolution.fusesPooling(g, s.dim(0), outChannels, input.value().dtype())) {
            return null;
        }
        Conv2dGeometry window = pool.geometry(Shape.of(s.dim(0), outChannels, g.outHeight(), g.outWidth()));
        return Convolution2d.applyWithReluAndPool(input, kernel, bias, g, window);
    }

    private Variable forward(Variable input, boolean relu) {
        Shape s = input.shape();
        if (s.rank() != 4 || s.dim(1) != inChannels) {
            throw new IllegalArgumentException(this + ": expected input [batch, " + inChannels + ", height, width], got " + s);
        }
        return Convolution2d.apply(input, kernel, bias, geometry(Shape.of(s.dim(1), s.dim(2), s.dim(3))), relu);
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(kernel) : List.of(kernel, bias);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        Conv2dGeometry g = geometry(inputShape);
        return Shape.of(outChannels, g.outHeight(), g.outWidth());
    }

    @Override
    public String kind() {
        return "conv2d";
    }

    @Override
    public String toString() {
        return "Conv2d(" + inChannels + " -> " + outChannels + ", " + kernelSize[0] + "x" + kernelSize[1] + ")";
    }
}
