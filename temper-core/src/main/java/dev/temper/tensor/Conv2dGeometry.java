package dev.temper.tensor;

/**
 * Where a 2-D sliding window (convolution or pooling) reads one image of {@code channels x height x width}: kernel
 * size, stride, dilation, the resolved zero padding on the top and left, and the output size.
 *
 * <p>Output size along an axis (PyTorch's formula):
 * {@code out = floor((in + padBefore + padAfter - dilation * (kernel - 1) - 1) / stride) + 1}.
 * Output position {@code o} reads input rows {@code o * stride - padBefore + i * dilation} for kernel row {@code i};
 * rows outside the image read 0.
 */
public record Conv2dGeometry(int channels, int height, int width, int kernelHeight, int kernelWidth,
                             int strideHeight, int strideWidth, int dilationHeight, int dilationWidth,
                             int padTop, int padLeft, int outHeight, int outWidth) {

    /**
     * Resolves the padding for an input of {@code channels x height x width}.
     *
     * @param what names the layer in error messages, e.g. {@code "Conv2d"}
     */
    public static Conv2dGeometry of(String what, int channels, int height, int width, int kernelHeight, int kernelWidth,
                                    int strideHeight, int strideWidth, int dilationHeight, int dilationWidth, Padding padding) {
        positive(what, "kernel size", kernelHeight, kernelWidth);
        positive(what, "stride", strideHeight, strideWidth);
        positive(what, "dilation", dilationHeight, dilationWidth);
        positive(what, "input channels, height and width", channels, Math.min(height, width));
        int[] rows = resolve(padding.kind(), padding.top(), padding.bottom(), height, kernelHeight, strideHeight, dilationHeight);
        int[] cols = resolve(padding.kind(), padding.left(), padding.right(), width, kernelWidth, strideWidth, dilationWidth);
        int outH = outSize(height, rows, kernelHeight, strideHeight, dilationHeight);
        int outW = outSize(width, cols, kernelWidth, strideWidth, dilationWidth);
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException(what + ": input [" + channels + ", " + height + ", " + width + "] is too small for a "
                    + kernelHeight + "x" + kernelWidth + " kernel (dilation " + dilationHeight + "x" + dilationWidth + ") with " + padding
                    + ": output would be " + outH + "x" + outW);
        }
        return new Conv2dGeometry(channels, height, width, kernelHeight, kernelWidth, strideHeight, strideWidth,
                dilationHeight, dilationWidth, rows[0], cols[0], outH, outW);
    }

    /** Padding {before, after} along one axis. */
    private static int[] resolve(Padding.Kind kind, int before, int after, int in, int kernel, int stride, int dilation) {
        if (kind == Padding.Kind.VALID) {
            return new int[] {0, 0};
        }
        if (kind == Padding.Kind.EXPLICIT) {
            return new int[] {before, after};
        }
        int out = (in + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + dilation * (kernel - 1) + 1 - in, 0);
        return new int[] {total / 2, total - total / 2}; // the odd one goes after (bottom/right), as in TensorFlow
    }

    private static int outSize(int in, int[] pad, int kernel, int stride, int dilation) {
        int span = in + pad[0] + pad[1] - dilation * (kernel - 1) - 1;
        return span < 0 ? 0 : span / stride + 1;
    }

    private static void positive(String what, String name, int a, int b) {
        if (a < 1 || b < 1) {
            throw new IllegalArgumentException(what + ": " + name + " must be >= 1, got " + a + " and " + b);
        }
    }

    /** Values in one input image: {@code channels * height * width}. */
    public int imageSize() {
        return channels * height * width;
    }

    /** Output positions per image and channel: {@code outHeight * outWidth}. */
    public int outPositions() {
        return outHeight * outWidth;
    }

    /** Rows of the column matrix, one per kernel tap: {@code channels * kernelHeight * kernelWidth}. */
    public int patchSize() {
        return channels * kernelHeight * kernelWidth;
    }

    /** Checks that {@code x} is {@code [batch, channels, height, width]} for this geometry. */
    void requireImages(String what, Tensor x) {
        if (x.rank() != 4 || x.dim(1) != channels || x.dim(2) != height || x.dim(3) != width) {
            throw new IllegalArgumentException(what + ": expected input [batch, " + channels + ", " + height + ", " + width
                    + "], got " + x.shape());
        }
    }

    /** First output position {@code o} whose tap at {@code offset = tap * dilation - padBefore} lies at or after 0. */
    static int firstInside(int offset, int stride) {
        return offset >= 0 ? 0 : (-offset + stride - 1) / stride;
    }

    /** One past the last output position (capped at {@code out}) whose tap lies before {@code in}. */
    static int endInside(int offset, int stride, int in, int out) {
        int span = in - offset; // need o * stride + offset <= in - 1
        return span <= 0 ? 0 : Math.min(out, (span - 1) / stride + 1);
    }
}
