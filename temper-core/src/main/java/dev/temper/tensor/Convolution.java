package dev.temper.tensor;

/**
 * 2-D convolution of {@code x [N, C, H, W]} with {@code kernel [OC, C, kh, kw]} plus {@code bias [OC]} (may be null),
 * cross-correlation as in {@code dev.temper.autograd.Convolution2d}, computed the faster of two ways for the shape:
 * {@link ShiftedConvolution} (stride 1, float32, at least {@link ShiftedConvolution#MIN_CHANNELS} channels in and
 * out: GEMMs on a channels-last copy, no im2col) or {@link GroupedConvolution} (everything else, float64 included:
 * im2col plus GEMM, image by image or a few images at a time). Both compute the same sums; tests hold them to each
 * other. Max pooling after the ReLU can be fused in as well ({@link #forwardReluPool}).
 *
 * <p>A ReLU after the convolution can be fused in ({@code relu} in {@link #forward(Tensor, Tensor, Tensor,
 * Conv2dGeometry, boolean)}, the output in {@link #backward(Tensor, Tensor, Tensor, Tensor, Conv2dGeometry, boolean,
 * boolean, boolean)}): the output is clipped at 0 as it is written, and the output gradient masked where the output
 * is 0 as it is read, while each image is in cache, instead of two more passes over the whole batch (the benchmark
 * CNN's first ReLU: 2.4 million floats, 1.0 ms forward and 1.6 ms backward per step). Same values and bits as the
 * convolution followed by {@code Tensor.relu} and its gradient.
 */
public final class Convolution {
    /** The gradients of one backward pass; null where not asked for. */
    public record Gradients(Tensor input, Tensor kernel, Tensor bias) {}

    private Convolution() {}

    /** {@code y [N, OC, outH, outW]}. */
    public static Tensor forward(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g) {
        return forward(x, kernel, bias, g, false);
    }

    /** {@code y [N, OC, outH, outW]}, with {@code relu}: {@code max(y, 0)} (NaN stays NaN, as in {@code Tensor.relu}). */
    public static Tensor forward(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g, boolean relu) {
        requireOperands(x, kernel, bias, g);
        if (ShiftedConvolution.suits(g, x.dim(0), kernel.dim(0), x.dtype())) {
            return ShiftedConvolution.forward(x, kernel, bias, g, relu);
        }
        return GroupedConvolution.forward(x, kernel, bias, g, relu);
    }

    /** The gradients at {@code x} and {@code kernel} for {@code gradOutput [N, OC, outH, outW]}; each flag says whether that one is wanted. */
    public static Gradients backward(Tensor x, Tensor kernel, Tensor gradOutput, Conv2dGeometry g,
                                     boolean wantInput, boolean wantKernel, boolean wantBias) {
        return backward(x, kernel, gradOutput, null, g, wantInput, wantKernel, wantBias);
    }

    /**
     * As above for a convolution with a fused ReLU whose output was {@code reluOutput}: the output gradient counts
     * only where that output is above 0 (PyTorch's and TensorFlow's ReLU gradient, 0 at the kink). Null
     * {@code reluOutput}: a plain convolution.
     */
    public static Gradients backward(Tensor x, Tensor kernel, Tensor gradOutput, Tensor reluOutput, Conv2dGeometry g,
                                     boolean wantInput, boolean wantKernel, boolean wantBias) {
        requireOperands(x, kernel, null, g);
        int batch = x.dim(0);
        int outChannels = kernel.dim(0);
        if (gradOutput.rank() != 4 || gradOutput.dim(0) != batch || gradOutput.dim(1) != outChannels
                || gradOutput.dim(2) != g.outHeight() || gradOutput.dim(3) != g.outWidth()) {
            throw new IllegalArgumentException("conv2d backward: expected output gradient [" + batch + ", " + outChannels + ", "
                    + g.outHeight() + ", " + g.outWidth() + "], got " + gradOutput.shape());
        }
        if (reluOutput != null && !reluOutput.shape().equals(gradOutput.shape())) {
            throw new IllegalArgumentException("conv2d backward: the ReLU output " + reluOutput.shape()
                    + " does not match the output gradient " + gradOutput.shape());
        }
        Tensor mask = reluOutput == null ? null : reluOutput.to(x.dtype()).contiguous();
        if (ShiftedConvolution.suits(g, batch, outChannels, x.dtype())) {
            return ShiftedConvolution.backward(x, kernel, gradOutput, mask, g, wantInput, wantKernel, wantBias);
        }
        return GroupedConvolution.backward(x, kernel, gradOutput, mask, g, wantInput, wantKernel, wantBias);
    }

    /**
     * Whether {@link #forwardReluPool} applies: the shifted GEMMs (pooled as their output rows are moved to NCHW) and
     * the geometries whose products go image by image (the benchmark CNN's first layer, one input channel), where
     * each image's output fits in cache between the GEMM and the pooling.
     */
    public static boolean fusesPooling(Conv2dGeometry g, int batch, int outChannels, DType type) {
        return ShiftedConvolution.suits(g, batch, outChannels, type) || GroupedConvolution.perImage(g, outChannels);
    }

    /**
     * Convolution, ReLU and max pooling over {@code pool} (valid, its input the convolution's output) in one pass
     * ({@link #fusesPooling} geometries): the pooled output, and in {@code argmax} (one entry per pooled value) what
     * {@link MaxPooling#forward} would record for the unpooled output. The same bits as the three ops in turn.
     */
    public static Tensor forwardReluPool(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g, Conv2dGeometry pool, int[] argmax) {
        requireOperands(x, kernel, bias, g);
        requirePool(g, kernel.dim(0), pool);
        if (!fusesPooling(g, x.dim(0), kernel.dim(0), x.dtype())) {
            throw new IllegalArgumentException("conv2d with pooling: not fused for " + g + "; check fusesPooling first");
        }
        int expected = x.dim(0) * kernel.dim(0) * pool.outPositions();
        if (argmax.length != expected) {
            throw new IllegalArgumentException("conv2d with pooling: argmax needs " + expected + " entries, got " + argmax.length);
        }
        if (ShiftedConvolution.suits(g, x.dim(0), kernel.dim(0), x.dtype())) {
            return ShiftedConvolution.forwardReluPool(x, kernel, bias, g, pool, argmax);
        }
        return GroupedConvolution.forwardReluPool(x, kernel, bias, g, pool, argmax);
    }

    /** The gradients of {@link #forwardReluPool} for {@code gradPooled}, the gradient of its output {@code pooledOutput}. */
    public static Gradients backwardReluPool(Tensor x, Tensor kernel, Tensor gradPooled, Tensor pooledOutput, int[] argmax,
                                             Conv2dGeometry g, Conv2dGeometry pool,
                                             boolean wantInput, boolean wantKernel, boolean wantBias) {
        requireOperands(x, kernel, null, g);
        requirePool(g, kernel.dim(0), pool);
        if (!gradPooled.shape().equals(pooledOutput.shape()) || pooledOutput.size() != argmax.length) {
            throw new IllegalArgumentException("conv2d with pooling backward: gradient " + gradPooled.shape() + ", output "
                    + pooledOutput.shape() + " and " + argmax.length + " argmax entries do not match");
        }
        if (ShiftedConvolution.suits(g, x.dim(0), kernel.dim(0), x.dtype())) {
            return ShiftedConvolution.backwardReluPool(x, kernel, gradPooled, pooledOutput, argmax, g, wantInput, wantKernel, wantBias);
        }
        return GroupedConvolution.backwardReluPool(x, kernel, gradPooled, pooledOutput, argmax, g, pool, wantInput, wantKernel, wantBias);
    }

    private static void requirePool(Conv2dGeometry g, int outChannels, Conv2dGeometry pool) {
        MaxPooling.requirePlain("conv2d with pooling", pool);
        if (pool.channels() != outChannels || pool.height() != g.outHeight() || pool.width() != g.outWidth()) {
            throw new IllegalArgumentException("conv2d with pooling: the pool " + pool + " does not take the convolution's output ["
                    + outChannels + ", " + g.outHeight() + ", " + g.outWidth() + "]");
        }
    }

    private static void requireOperands(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g) {
        g.requireImages("conv2d", x);
        GroupedConvolution.requireKernel(kernel, g);
        Elementwise.requireSameType("conv2d", x, kernel);
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != kernel.dim(0))) {
            throw new IllegalArgumentException("conv2d: expected bias [" + kernel.dim(0) + "], got " + bias.shape());
        }
    }
}
