package dev.temper.data;

import dev.temper.tensor.Rng;

/**
 * Gamma and Beta draws from an explicit {@link Rng}, for mixup's Beta(alpha, alpha).
 *
 * <p>Gamma(shape, 1) by Marsaglia and Tsang, "A simple method for generating gamma variables" (ACM TOMS 26(3),
 * 2000): with d = shape - 1/3 and c = 1 / sqrt(9d), draw a normal x until v = (1 + cx)^3 > 0 and a uniform u accepts
 * by the squeeze u < 1 - 0.0331 x^4 or by log u < x^2/2 + d(1 - v + log v); return dv. For shape < 1, their boost:
 * Gamma(shape) = Gamma(shape + 1) * u^(1/shape). Beta(a, b) = X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
 */
public final class GammaSampler {
    private GammaSampler() {}

    /** One Gamma(shape, scale 1) draw. */
    public static double gamma(double shape, Rng rng) {
        if (!(shape > 0 && Double.isFinite(shape))) {
            throw new IllegalArgumentException("gamma shape must be finite and > 0, got " + shape);
        }
        if (shape < 1) {
            double boost = StrictMath.pow(1.0 - rng.nextDouble(), 1.0 / shape); // u in (0, 1]
            return gamma(shape + 1, rng) * boost;
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / StrictMath.sqrt(9.0 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - rng.nextDouble(); // (0, 1], so log u is finite
            if (u < 1 - 0.0331 * x * x * x * x || StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    /** One Beta(a, b) draw, in [0, 1]. */
    public static double beta(double a, double b, Rng rng) {
        if (!(a > 0 && b > 0 && Double.isFinite(a) && Double.isFinite(b))) {
            throw new IllegalArgumentException("beta parameters must be finite and > 0, got a=" + a + ", b=" + b);
        }
        double x = gamma(a, rng);
        double y = gamma(b, rng);
        double sum = x + y;
        // both can underflow to 0 for tiny a and b; the limit then puts all mass at 0 or 1 equally
        return sum > 0 ? x / sum : (rng.nextDouble() < a / (a + b) ? 1.0 : 0.0);
    }
}
