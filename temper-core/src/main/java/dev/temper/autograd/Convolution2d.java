package dev.temper.autograd;

import dev.temper.tensor.Conv2dGeometry;
import dev.temper.tensor.ConvLayout;
import dev.temper.tensor.Im2Col;
import dev.temper.tensor.Tensor;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) of {@code x [N, C, H, W]} with
 * {@code kernel [OC, C, kh, kw]} plus {@code bias [OC]} (may be null):
 * {@code y[n, o, oy, ox] = b[o] + sum_{c,i,j} k[o, c, i, j] * x[n, c, oy*sh - pt + i*dh, ox*sw - pl + j*dw]}, reading
 * 0 outside the image (PyTorch's {@code torch.nn.functional.conv2d}).
 *
 * <p>Computed as im2col plus one GEMM for the whole batch, {@code Y = K [OC, C*kh*kw] @ cols [C*kh*kw, N*L]}.
 * Backward, with {@code G} the output gradient in the same row layout: {@code dK = G @ cols^T} (computed as {@code (cols @ G^T)^T} when the patch is the larger side),
 * {@code db = sum over columns of G}, {@code dx = col2im(K^T @ G)} (skipped when x needs no gradient, e.g. the
 * network's input).
 */
public final class Convolution2d {
    private Convolution2d() {}

    public static Variable apply(Variable x, Variable kernel, Variable bias, Conv2dGeometry g) {
        Tensor k = kernel.value();
        int outChannels = k.dim(0);
        if (k.rank() != 4 || k.dim(1) != g.channels() || k.dim(2) != g.kernelHeight() || k.dim(3) != g.kernelWidth()) {
            throw new IllegalArgumentException("conv2d: expected kernel [outChannels, " + g.channels() + ", " + g.kernelHeight()
                    + ", " + g.kernelWidth() + "], got " + k.shape());
        }
        int batch = x.shape().dim(0);
        Tensor columns = Im2Col.columns(x.value(), g);
        Tensor kernelRows = k.reshape(outChannels, g.patchSize());
        // OpenBLAS is slow when the output's rows are fewer than the reduction (first layer: 32 x 25 x 73728 ran at
        // a third of the speed of 73728 x 25 x 32 on 2 cores), so a shallow patch computes Y^T = cols^T @ K^T and
        // the layout step reads it transposed. Same rule for the kernel gradient below.
        boolean shallow = g.patchSize() < outChannels;
        Tensor product = shallow ? columns.transpose().matmul(kernelRows.transpose()).transpose() : kernelRows.matmul(columns);
        Tensor y = ConvLayout.toImages(product, batch, g.outHeight(), g.outWidth(), bias == null ? null : bias.value());
        Variable[] inputs = bias == null ? new Variable[] {x, kernel} : new Variable[] {x, kernel, bias};
        return Variable.fromOp(y, grad -> {
            Tensor rows = ConvLayout.toRows(grad);
            if (kernel.requiresGrad()) {
                // the larger of patch and outChannels as the GEMM's rows: (cols @ G^T)^T for the second layer of
                // the benchmark CNN (800 x 8192 x 64) ran 1.2x (1 thread) to 5x (2 threads) faster than G @ cols^T
                // (64 x 8192 x 800); for the first layer (patch 25 < 32 channels) the plain form was 3x faster
                Tensor dk = shallow ? rows.matmul(columns.transpose()) : columns.matmul(rows.transpose()).transpose();
                kernel.accumulateGrad(dk.reshape(k.dims()));
            }
            if (bias != null && bias.requiresGrad()) {
                bias.accumulateGrad(ConvLayout.rowSums(rows));
            }
            if (x.requiresGrad()) {
                x.accumulateGrad(Im2Col.image(kernelRows.transpose().matmul(rows), batch, g));
            }
        }, inputs);
    }
}
