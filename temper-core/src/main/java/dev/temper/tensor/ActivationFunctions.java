package dev.temper.tensor;

/**
 * The scalar formulas behind {@link ActivationKernels}, each defined once in double precision: value and
 * derivative of every activation. Float32 kernels evaluate these and round the result (Java's {@link Math#exp}
 * is double-only anyway), so float32 and float64 agree to float32 rounding.
 */
final class ActivationFunctions {
    /** sqrt(2 / pi), for the tanh approximation of GELU. */
    static final double SQRT_2_OVER_PI = 0.7978845608028654;
    /** 1 / sqrt(2 pi): the standard normal density at 0. */
    static final double INV_SQRT_2PI = 0.3989422804014327;
    static final double INV_SQRT_2 = 0.7071067811865476;
    static final double GELU_TANH_CUBIC = 0.044715;

    private ActivationFunctions() {}

    /** Logistic sigmoid without overflow on either side. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    // ---- ELU (scale 1) and SELU (scale lambda): scale * (x > 0 ? x : alpha (e^x - 1)) ----

    static double elu(double x, double alpha, double scale) {
        return x > 0 ? scale * x : scale * alpha * Math.expm1(x); // expm1: exact near 0, where e^x - 1 cancels
    }

    /** At 0 the left branch (alpha * scale), as PyTorch's elu_backward takes it. */
    static double eluDerivative(double x, double alpha, double scale) {
        return x > 0 ? scale : scale * alpha * Math.exp(x);
    }

    // ---- GELU, exact: x Phi(x) with Phi(x) = erfc(-x / sqrt 2) / 2 ----

    static double gelu(double x) {
        return x * normalCdf(x);
    }

    /** Phi(x) + x phi(x). */
    static double geluDerivative(double x) {
        return normalCdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** erfc rather than 1 + erf: keeps relative precision for very negative x, where Phi is tiny. */
    static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x * INV_SQRT_2);
    }

    // ---- GELU, tanh approximation: x/2 (1 + tanh(u)), u = sqrt(2/pi) (x + 0.044715 x^3) ----
    // Evaluated through the identity (1 + tanh(u)) / 2 = sigmoid(2u), which has no cancellation for negative x,
    // where 1 + tanh(u) loses digits (x = -5: 1 + tanh(u) = 9e-8, 9 of 16 digits lost; x = -10: it rounds to 0).

    static double geluTanh(double x) {
        double u = SQRT_2_OVER_PI * (x + GELU_TANH_CUBIC * x * x * x);
        return x * sigmoid(2 * u);
    }

    /**
     * s + x * 2 s (1 - s) du/dx, with s = sigmoid(2u) = (1 + tanh u) / 2 (so (1 - tanh^2 u) / 2 = 2 s (1 - s)) and
     * du/dx = sqrt(2/pi) (1 + 3 * 0.044715 x^2).
     */
    static double geluTanhDerivative(double x) {
        if (Math.abs(x) > 1e100) {
            return x > 0 ? 1 : 0; // the exact limits; and x^2 would overflow below, giving 0 * inf
        }
        double u = SQRT_2_OVER_PI * (x + GELU_TANH_CUBIC * x * x * x);
        double s = sigmoid(2 * u);
        double du = SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_CUBIC * x * x);
        return s + x * 2 * s * (1 - s) * du;
    }

    // ---- Softplus: log(1 + e^(beta x)) / beta, and x itself where beta x > threshold ----

    /** log1p(e^-|z|) + max(z, 0) is log(1 + e^z) without overflow for large z or underflow to log(1) for small. */
    static double softplus(double x, double beta, double threshold) {
        double z = beta * x;
        if (z > threshold) {
            return x;
        }
        return (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))) / beta;
    }

    static double softplusDerivative(double x, double beta, double threshold) {
        double z = beta * x;
        return z > threshold ? 1 : sigmoid(z);
    }

    // ---- SiLU / Swish: x sigmoid(x) ----

    static double silu(double x) {
        return x * sigmoid(x);
    }

    /** s (1 + x (1 - s)), s = sigmoid(x). */
    static double siluDerivative(double x) {
        double s = sigmoid(x);
        return s * (1 + x * (1 - s));
    }
}
