package dev.temper.data;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * Rotates each image about its centre by an angle drawn uniformly from {@code [-maxDegrees, maxDegrees]}, sampling
 * bilinearly and filling from outside the image with 0 (torchvision's {@code RandomRotation(degrees,
 * interpolation=BILINEAR, fill=0)}; positive angles turn the picture counter-clockwise as displayed, rows going
 * down). The centre is ((width - 1) / 2, (height - 1) / 2), so 90 degrees maps a square image exactly onto itself
 * ({@code numpy.rot90}).
 */
public record RandomRotation(ImageShape shape, double maxDegrees) implements Augmentation {
    public RandomRotation {
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("RandomRotation maxDegrees must be in [0, 180], got " + maxDegrees);
        }
    }

    /** Per image: one uniform draw for the angle. */
    @Override
    public Tensor apply(Tensor images, Rng rng) {
        float[] in = shape.copyOf(images, "RandomRotation");
        float[] out = new float[in.length];
        for (int i = 0; i < images.dim(0); i++) {
            double degrees = (2 * rng.nextDouble() - 1) * maxDegrees;
            rotateImage(in, out, i * shape.size(), shape, degrees);
        }
        return Tensor.wrap(out, images.dims());
    }

    /** Every image rotated by {@code degrees} (counter-clockwise as displayed). */
    public static Tensor rotate(Tensor images, ImageShape shape, double degrees) {
        if (!Double.isFinite(degrees)) {
            throw new IllegalArgumentException("RandomRotation.rotate: degrees must be finite, got " + degrees);
        }
        float[] in = shape.copyOf(images, "RandomRotation.rotate");
        float[] out = new float[in.length];
        for (int i = 0; i < images.dim(0); i++) {
            rotateImage(in, out, i * shape.size(), shape, degrees);
        }
        return Tensor.wrap(out, images.dims());
    }

    /**
     * Inverse mapping: output pixel (x, y), relative to the centre (u, v), reads the input at
     * (u cos t - v sin t, u sin t + v cos t). StrictMath keeps the bits the same on every JVM.
     */
    private static void rotateImage(float[] in, float[] out, int base, ImageShape shape, double degrees) {
        int h = shape.height();
        int w = shape.width();
        double radians = StrictMath.toRadians(degrees);
        double cos = StrictMath.cos(radians);
        double sin = StrictMath.sin(radians);
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        for (int c = 0; c < shape.channels(); c++) {
            int plane = base + c * h * w;
            for (int y = 0; y < h; y++) {
                double v = y - cy;
                for (int x = 0; x < w; x++) {
                    double u = x - cx;
                    double sx = cx + u * cos - v * sin;
                    double sy = cy + u * sin + v * cos;
                    out[plane + y * w + x] = (float) bilinear(in, plane, w, h, sx, sy);
                }
            }
        }
    }

    /** Bilinear interpolation of one plane at (sx, sy); neighbours outside the image count as 0. */
    private static double bilinear(float[] in, int plane, int w, int h, double sx, double sy) {
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        return (1 - fy) * ((1 - fx) * pixel(in, plane, w, h, x0, y0) + fx * pixel(in, plane, w, h, x0 + 1, y0))
                + fy * ((1 - fx) * pixel(in, plane, w, h, x0, y0 + 1) + fx * pixel(in, plane, w, h, x0 + 1, y0 + 1));
    }

    private static double pixel(float[] in, int plane, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0 : in[plane + y * w + x];
    }
}
