package dev.temper.tensor;

/**
 * The error function {@code erf(x) = 2/sqrt(pi) * integral_0^x e^(-t^2) dt} and its complement
 * {@code erfc(x) = 1 - erf(x)}, in double precision (Java's {@link Math} has neither).
 *
 * <p>Method: W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximation for the error
 * function", Mathematics of Computation 23(107), 631-637, 1969; coefficients as published in netlib's
 * {@code specfun/erf}), on three intervals of {@code |x|}: erf directly below 0.46875; erfc as
 * {@code e^(-x^2) R(x)} up to 4; and {@code e^(-x^2) / x * (1/sqrt(pi) + R(1/x^2) / x^2)} beyond. The paper gives
 * maximal relative errors near 1e-18 for the approximations themselves, so the result is limited by double
 * rounding (a few ulp); {@code ErfTest} checks it against Python's {@code math.erf} and {@code math.erfc}.
 *
 * <p>erfc is computed directly (not as {@code 1 - erf}) so it keeps full relative precision in the far tail, down
 * to its underflow near x = 26.5; GELU's {@code Phi(x) = erfc(-x / sqrt 2) / 2} needs that for very negative x.
 */
public final class Erf {
    private static final double THRESHOLD = 0.46875;
    private static final double INV_SQRT_PI = 0.56418958354775628695; // 1 / sqrt(pi)
    /** Beyond this, erfc(x) underflows to 0 in double. */
    private static final double ERFC_UNDERFLOW = 26.7;

    // Cody 1969, first interval: erf(x) = x * A(x^2) / B(x^2).
    private static final double[] A = {3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
        3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
        2.84423683343917062e03};
    // Second interval: erfc(y) = e^(-y^2) * C(y) / D(y).
    private static final double[] C = {5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
        2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03,
        1.23033935479799725e03, 2.15311535474403846e-8};
    private static final double[] D = {1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
        1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03,
        1.23033935480374942e03};
    // Third interval: erfc(y) = e^(-y^2) / y * (1/sqrt(pi) + z P(z) / Q(z)) with z = 1 / y^2.
    private static final double[] P = {3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2};
    private static final double[] Q = {2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
        6.05183413124413191e-2, 2.33520497626869185e-3};

    private Erf() {}

    public static double erf(double x) {
        double y = Math.abs(x);
        if (y <= THRESHOLD) {
            return smallErf(x);
        }
        if (Double.isNaN(x)) {
            return x;
        }
        double r = 1 - tailErfc(y); // no cancellation: erfc(y) < 0.51 here
        return x < 0 ? -r : r;
    }

    public static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= THRESHOLD) {
            return 1 - smallErf(x);
        }
        if (Double.isNaN(x)) {
            return x;
        }
        double r = tailErfc(y);
        return x < 0 ? 2 - r : r;
    }

    /** erf for |x| <= 0.46875. */
    private static double smallErf(double x) {
        double z = x * x;
        double num = A[4] * z;
        double den = z;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * z;
            den = (den + B[i]) * z;
        }
        return x * (num + A[3]) / (den + B[3]);
    }

    /** erfc for y > 0.46875. */
    private static double tailErfc(double y) {
        if (y >= ERFC_UNDERFLOW) {
            return 0;
        }
        double r;
        if (y <= 4) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            r = (num + C[7]) / (den + D[7]);
        } else {
            double z = 1 / (y * y);
            double num = P[5] * z;
            double den = z;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * z;
                den = (den + Q[i]) * z;
            }
            r = (INV_SQRT_PI - z * (num + P[4]) / (den + Q[4])) / y;
        }
        // e^(-y^2) with y^2 split as s^2 + (y - s)(y + s), s = y rounded down to 1/16: s^2 is exact, so the
        // rounding error of y*y is not amplified by the exponential (Cody's device; matters for large y).
        double s = Math.floor(y * 16) / 16;
        double del = (y - s) * (y + s);
        return Math.exp(-s * s) * Math.exp(-del) * r;
    }
}
