package dev.temper.tensor;

/** Elementwise functions of two arguments, applied with NumPy broadcasting by {@link Elementwise}. */
public enum BinaryOp {
    ADD {
        @Override
        public double apply(double a, double b) {
            return a + b;
        }
    },
    SUB {
        @Override
        public double apply(double a, double b) {
            return a - b;
        }
    },
    MUL {
        @Override
        public double apply(double a, double b) {
            return a * b;
        }
    },
    DIV {
        @Override
        public double apply(double a, double b) {
            return a / b;
        }
    },
    MAX {
        @Override
        public double apply(double a, double b) {
            return Math.max(a, b);
        }
    },
    MIN {
        @Override
        public double apply(double a, double b) {
            return Math.min(a, b);
        }
    },
    GREATER {
        @Override
        public double apply(double a, double b) {
            return a > b ? 1 : 0;
        }
    },
    EQUAL {
        @Override
        public double apply(double a, double b) {
            return a == b ? 1 : 0;
        }
    },
    /** {@code a} where {@code b > 0}, else 0: ReLU's backward in one pass. */
    KEEP_WHERE_POSITIVE {
        @Override
        public double apply(double a, double b) {
            return b > 0 ? a : 0;
        }
    };

    public abstract double apply(double a, double b);

    /** The lower-case name used in error messages. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
