package dev.temper.tensor;

/**
 * Elementwise kernels of the activation functions, forward ({@code y = f(x)}) and backward
 * ({@code dx = g * f'(x)}, from the input {@code x} and the upstream gradient {@code g}). The formulas live in
 * {@code ActivationFunctions}; autograd's ops ({@code LeakyRelu}, {@code Elu}, {@code Gelu}, ...) document them.
 *
 * <p>Views are copied to fresh contiguous storage first, so every loop indexes all its arrays with the same
 * {@code i} (what lets C2 drop bounds and aliasing checks, see {@code FlatFloatLoops}); large tensors are split
 * across the kernel threads in the same fixed chunks as {@link Elementwise}, so results do not depend on the
 * thread count. The chunk bodies are separate lambdas per function: each loop calls one static method, which
 * C2 inlines.
 */
public final class ActivationKernels {
    /** SELU's lambda (scale) of Klambauer et al. 2017, "Self-Normalizing Neural Networks", eq. 14. */
    public static final double SELU_SCALE = 1.0507009873554804934193349852946;
    /** SELU's alpha of Klambauer et al. 2017, eq. 14. */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    private ActivationKernels() {}

    private interface FloatMap {
        void run(float[] x, float[] y, int start, int end);
    }

    private interface DoubleMap {
        void run(double[] x, double[] y, int start, int end);
    }

    private interface FloatGrad {
        void run(float[] x, float[] g, float[] dx, int start, int end);
    }

    private interface DoubleGrad {
        void run(double[] x, double[] g, double[] dx, int start, int end);
    }

    // ---- Leaky ReLU ---------------------------------------------------------------------------------------

    public static Tensor leakyRelu(Tensor x, double slope) {
        float s = (float) slope;
        // max + slope * min is branch-free (vectorizes) and keeps NaN; exact for either sign of the slope.
        return map(x, (a, y, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                y[i] = Math.max(a[i], 0f) + s * Math.min(a[i], 0f);
            }
        }, (a, y, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                y[i] = Math.max(a[i], 0) + slope * Math.min(a[i], 0);
            }
        });
    }

    /** dx = g where x > 0, else slope * g (slope at the kink, as PyTorch). */
    public static Tensor leakyReluBackward(Tensor x, Tensor g, double slope) {
        float s = (float) slope;
        return grad("leakyRelu", x, g, (a, u, d, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                d[i] = a[i] > 0 ? u[i] : s * u[i];
            }
        }, (a, u, d, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                d[i] = a[i] > 0 ? u[i] : slope * u[i];
            }
        });
    }

    // ---- ELU and SELU (ELU times a scale) -------------------------------------------------------------------

    public static Tensor elu(Tensor x, double alpha, double scale) {
        return map(x, (a, y, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                y[i] = (float) ActivationFunctions.elu(a[i], alpha, scale);
            }
        }, (a, y, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                y[i] = ActivationFunctions.elu(a[i], alpha, scale);
            }
        });
    }

    public static Tensor eluBackward(Tensor x, Tensor g, double alpha, double scale) {
        return grad("elu", x, g, (a, u, d, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                d[i] = (float) (u[i] * ActivationFunctions.eluDerivative(a[i], alpha, scale));
            }
        }, (a, u, d, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                d[i] = u[i] * ActivationFunctions.eluDerivative(a[i], alpha, scale);
            }
        });
    }

    // ---- GELU, exact (erf) ------------------------------------------------------------------------------------

    public static Tensor gelu(Tensor x) {
        return map(x, (a, y, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                y[i] = (float) ActivationFunctions.gelu(a[i]);
            }
        }, (a, y, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                y[i] = ActivationFunctions.gelu(a[i]);
            }
        });
    }

    public static Tensor geluBackward(Tensor x, Tensor g) {
        return grad("gelu", x, g, (a, u, d, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                d[i] = (float) (u[i] * ActivationFunctions.geluDerivative(a[i]));
            }
        }, (a, u, d, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                d[i] = u[i] * ActivationFunctions.geluDerivative(a[i]);
            }
        });
    }

    // ---- GELU, tanh approximation ---------------------------------------------------------------------------

    public static Tensor geluTanh(Tensor x) {
        return map(x, (a, y, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                y[i] = (float) ActivationFunctions.geluTanh(a[i]);
            }
        }, (a, y, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                y[i] = ActivationFunctions.geluTanh(a[i]);
            }
        });
    }

    public static Tensor geluTanhBackward(Tensor x, Tensor g) {
        return grad("gelu", x, g, (a, u, d, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                d[i] = (float) (u[i] * ActivationFunctions.geluTanhDerivative(a[i]));
            }
        }, (a, u, d, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                d[i] = u[i] * ActivationFunctions.geluTanhDerivative(a[i]);
            }
        });
    }

    // ---- Softplus -----------------------------------------------------------------------------------------------

    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return map(x, (a, y, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                y[i] = (float) ActivationFunctions.softplus(a[i], beta, threshold);
            }
        }, (a, y, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                y[i] = ActivationFunctions.softplus(a[i], beta, threshold);
            }
        });
    }

    public static Tensor softplusBackward(Tensor x, Tensor g, double beta, double threshold) {
        return grad("softplus", x, g, (a, u, d, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                d[i] = (float) (u[i] * ActivationFunctions.softplusDerivative(a[i], beta, threshold));
            }
        }, (a, u, d, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                d[i] = u[i] * ActivationFunctions.softplusDerivative(a[i], beta, threshold);
            }
        });
    }

    // ---- SiLU / Swish ---------------------------------------------------------------------------------------------

    public static Tensor silu(Tensor x) {
        return map(x, (a, y, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                y[i] = (float) ActivationFunctions.silu(a[i]);
            }
        }, (a, y, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                y[i] = ActivationFunctions.silu(a[i]);
            }
        });
    }

    public static Tensor siluBackward(Tensor x, Tensor g) {
        return grad("silu", x, g, (a, u, d, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                d[i] = (float) (u[i] * ActivationFunctions.siluDerivative(a[i]));
            }
        }, (a, u, d, i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                d[i] = u[i] * ActivationFunctions.siluDerivative(a[i]);
            }
        });
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    /** x itself when its elements are 0..n-1 of its storage, else a fresh contiguous copy. */
    private static Tensor flat(Tensor x) {
        return x.isContiguous() && x.offset() == 0 ? x : x.copy();
    }

    private static Tensor map(Tensor x, FloatMap f, DoubleMap d) {
        Tensor in = flat(x);
        Tensor out = Tensor.zerosLike(in);
        int n = in.size();
        if (in.dtype() == DType.FLOAT32) {
            float[] a = in.floatData();
            float[] y = out.floatData();
            Parallel.forRange(n, Elementwise.GRAIN, (s, e) -> f.run(a, y, s, e));
        } else {
            double[] a = in.doubleData();
            double[] y = out.doubleData();
            Parallel.forRange(n, Elementwise.GRAIN, (s, e) -> d.run(a, y, s, e));
        }
        return out;
    }

    private static Tensor grad(String op, Tensor x, Tensor g, FloatGrad f, DoubleGrad d) {
        if (!x.shape().equals(g.shape())) {
            throw new IllegalArgumentException(op + " backward: gradient shape " + g.shape() + " must equal input shape " + x.shape());
        }
        Elementwise.requireSameType(op + " backward", x, g);
        Tensor in = flat(x);
        Tensor up = flat(g);
        Tensor out = Tensor.zerosLike(in);
        int n = in.size();
        if (in.dtype() == DType.FLOAT32) {
            float[] a = in.floatData();
            float[] u = up.floatData();
            float[] y = out.floatData();
            Parallel.forRange(n, Elementwise.GRAIN, (s, e) -> f.run(a, u, y, s, e));
        } else {
            double[] a = in.doubleData();
            double[] u = up.doubleData();
            double[] y = out.doubleData();
            Parallel.forRange(n, Elementwise.GRAIN, (s, e) -> d.run(a, u, y, s, e));
        }
        return out;
    }
}
