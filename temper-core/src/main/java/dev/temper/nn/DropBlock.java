package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * DropBlock (Ghiasi, Lin and Le 2018, "DropBlock: A regularization method for convolutional networks") for
 * feature maps {@code [batch, C, H, W]}: in training, contiguous {@code blockSize x blockSize} squares are zeroed,
 * so a convolution cannot recover a dropped unit from its correlated neighbours as it can with element-wise dropout.
 *
 * <p>Per the paper's Algorithm 1, for each sample and channel (each gets its own mask, as in common
 * implementations), block corners are drawn from {@code Bernoulli(gamma)} at the positions where a whole block
 * fits, with (eq. 1, written for a rectangular map)
 * <pre>
 *   gamma = rate / blockSize^2 * (H * W) / ((H - blockSize + 1) * (W - blockSize + 1))
 * </pre>
 * (at most {@code rate}, since {@code H <= blockSize * (H - blockSize + 1)}), every unit of a drawn block is
 * zeroed, and the output is rescaled by {@code count(M) / count_ones(M)} over the whole mask so its mean is
 * kept. {@code rate} is the probability of dropping (the paper's {@code 1 - keep_prob}). Blocks may overlap, so
 * the dropped fraction equals {@code rate} only to first order in {@code gamma}; it is a little lower, the more so
 * the larger the rate. {@code y = x * M * scale}: the gradient flows through kept units only. Inference is the
 * identity.
 *
 * <p>The paper ramps the rate linearly from 0 to its final value during training. Pass a {@link DoubleSupplier}
 * read at every forward pass for that, e.g. {@code new DropBlock(7, () -> 0.1 * Math.min(1, step.get() / 5000.0))}
 * with {@code step} advanced by a training callback; its value is validated on each read.
 */
public final class DropBlock implements Layer {
    private final int blockSize;
    private final DoubleSupplier rate;

    /** A fixed probability of dropping. */
    public DropBlock(int blockSize, double rate) {
        this(blockSize, constant(NoiseDraws.checkRate("DropBlock", rate)));
    }

    /** A probability of dropping read on every forward pass (a schedule). */
    public DropBlock(int blockSize, DoubleSupplier rate) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("DropBlock: blockSize must be >= 1, got " + blockSize);
        }
        if (rate == null) {
            throw new IllegalArgumentException("DropBlock: rate supplier must not be null");
        }
        this.blockSize = blockSize;
        this.rate = rate;
    }

    private static DoubleSupplier constant(double value) {
        return () -> value;
    }

    public int blockSize() {
        return blockSize;
    }

    /** The current probability of dropping, validated. */
    public double rate() {
        return NoiseDraws.checkRate("DropBlock", rate.getAsDouble());
    }

    /** Eq. 1 of the paper: the Bernoulli probability of a block corner. */
    public static double gamma(double rate, int blockSize, int height, int width) {
        double valid = (double) (height - blockSize + 1) * (width - blockSize + 1);
        return rate / ((double) blockSize * blockSize) * ((double) height * width) / valid;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        Shape s = input.shape();
        if (s.rank() != 4) {
            throw new IllegalArgumentException("DropBlock: expected input [batch, channels, height, width], got " + s);
        }
        int h = s.dim(2);
        int w = s.dim(3);
        if (blockSize > h || blockSize > w) {
            throw new IllegalArgumentException("DropBlock: blockSize " + blockSize + " must fit the feature map "
                    + h + "x" + w + " of input " + s);
        }
        double r = rate();
        if (!context.dropoutActive() || r == 0) {
            return input;
        }
        int maps = s.dim(0) * s.dim(1);
        int rows = h - blockSize + 1;
        int cols = w - blockSize + 1;
        // corners[k] == 1 with probability gamma: dropoutMask drops (writes 0) with probability 1 - gamma
        float[] corners = new float[maps * rows * cols];
        context.rng().dropoutMask(corners, 0, corners.length, 1 - gamma(r, blockSize, h, w), 1f);
        float[] keep = new float[maps * h * w];
        Arrays.fill(keep, 1f);
        for (int m = 0; m < maps; m++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (corners[(m * rows + i) * cols + j] != 0f) {
                        zeroBlock(keep, m * h * w, i, j, w);
                    }
                }
            }
        }
        long ones = 0;
        for (float k : keep) {
            ones += (long) k;
        }
        // all dropped (possible for tiny maps): output zeros rather than divide by zero
        double scale = ones == 0 ? 0.0 : keep.length / (double) ones;
        return input.mul(Variable.constant(scaled(keep, scale, input.value().dtype(), s.toArray())));
    }

    private void zeroBlock(float[] keep, int base, int top, int left, int width) {
        for (int i = top; i < top + blockSize; i++) {
            Arrays.fill(keep, base + i * width + left, base + i * width + left + blockSize, 0f);
        }
    }

    private static Tensor scaled(float[] keep, double scale, DType dtype, int[] shape) {
        Tensor t = Tensor.zeros(dtype, shape);
        if (dtype == DType.FLOAT32) {
            float[] d = t.floatData();
            float f = (float) scale;
            for (int i = 0; i < d.length; i++) {
                d[i] = keep[i] * f;
            }
        } else {
            double[] d = t.doubleData();
            for (int i = 0; i < d.length; i++) {
                d[i] = keep[i] * scale;
            }
        }
        return t;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() != 3) {
            throw new IllegalArgumentException("DropBlock: expected input shape [channels, height, width], got " + inputShape);
        }
        if (blockSize > inputShape.dim(1) || blockSize > inputShape.dim(2)) {
            throw new IllegalArgumentException("DropBlock: blockSize " + blockSize + " must fit the feature map "
                    + inputShape.dim(1) + "x" + inputShape.dim(2) + ", got input shape " + inputShape);
        }
        return inputShape;
    }

    @Override
    public String kind() {
        return "drop_block";
    }
}
