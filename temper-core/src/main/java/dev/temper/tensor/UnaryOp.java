package dev.temper.tensor;

/**
 * Elementwise functions of one argument. Each is defined once, in double precision; float32 kernels round the
 * result, and the hot ones (ReLU) also have a dedicated float32 loop in {@link Elementwise}.
 */
public enum UnaryOp {
    NEG {
        @Override
        public double apply(double x) {
            return -x;
        }
    },
    EXP {
        @Override
        public double apply(double x) {
            return Math.exp(x);
        }
    },
    LOG {
        @Override
        public double apply(double x) {
            return Math.log(x);
        }
    },
    SQRT {
        @Override
        public double apply(double x) {
            return Math.sqrt(x);
        }
    },
    SQUARE {
        @Override
        public double apply(double x) {
            return x * x;
        }
    },
    ABS {
        @Override
        public double apply(double x) {
            return Math.abs(x);
        }
    },
    /** -1, 0 or 1 (0 at 0, like numpy.sign). */
    SIGN {
        @Override
        public double apply(double x) {
            return Math.signum(x);
        }
    },
    RELU {
        @Override
        public double apply(double x) {
            return Math.max(x, 0); // NaN propagates, as in PyTorch
        }
    },
    /** 1 where x > 0, else 0: the derivative of ReLU (taken as 0 at the kink, as PyTorch and TensorFlow do). */
    STEP {
        @Override
        public double apply(double x) {
            return x > 0 ? 1 : 0;
        }
    },
    /** 1 / (1 + e^-x), written so that neither branch overflows. */
    SIGMOID {
        @Override
        public double apply(double x) {
            if (x >= 0) {
                return 1 / (1 + Math.exp(-x));
            }
            double e = Math.exp(x);
            return e / (1 + e);
        }
    },
    TANH {
        @Override
        public double apply(double x) {
            return Math.tanh(x);
        }
    },
    RECIPROCAL {
        @Override
        public double apply(double x) {
            return 1 / x;
        }
    };

    public abstract double apply(double x);
}
