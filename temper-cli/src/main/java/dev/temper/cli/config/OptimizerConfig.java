package dev.temper.cli.config;

/**
 * The optimizer and its hyperparameters.
 *
 * <p>Adam (Kingma and Ba, 2015, arXiv:1412.6980) uses {@code beta1}, {@code beta2} and {@code
 * epsilon}; SGD uses {@code momentum} and {@code nesterov} (PyTorch's convention, {@code v = m v +
 * g}, step {@code -lr v}). A field that belongs to the other optimizer must hold its default, so
 * equal configs always mean the same run and nothing in a report looks set when it is ignored.
 *
 * @param name adam or sgd
 * @param learningRate step size, > 0
 * @param beta1 Adam's decay of the first-moment average, in [0, 1)
 * @param beta2 Adam's decay of the second-moment average, in [0, 1)
 * @param epsilon Adam's denominator guard, > 0
 * @param momentum SGD's momentum, in [0, 1); 0 is plain SGD
 * @param nesterov SGD's Nesterov variant; needs momentum > 0
 */
public record OptimizerConfig(
        OptimizerKind name,
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        double momentum,
        boolean nesterov) {

    // Each default once. Adam's are the paper's; SGD's rate is the common starting point for MLPs.
    private static final double ADAM_LEARNING_RATE = 1e-3;
    private static final double SGD_LEARNING_RATE = 0.01;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private static final double MOMENTUM = 0.0;
    private static final boolean NESTEROV = false;

    public OptimizerConfig {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        Range.POSITIVE.check("learningRate", learningRate);
        Range.FRACTION.check("beta1", beta1);
        Range.FRACTION.check("beta2", beta2);
        Range.POSITIVE.check("epsilon", epsilon);
        Range.FRACTION.check("momentum", momentum);
        if (name == OptimizerKind.ADAM) {
            requireUnused("momentum", momentum, MOMENTUM, OptimizerKind.SGD, name);
            if (nesterov != NESTEROV) {
                throw new IllegalArgumentException("nesterov applies to optimizer sgd, not adam, got true");
            }
        } else {
            requireUnused("beta1", beta1, BETA1, OptimizerKind.ADAM, name);
            requireUnused("beta2", beta2, BETA2, OptimizerKind.ADAM, name);
            requireUnused("epsilon", epsilon, EPSILON, OptimizerKind.ADAM, name);
            if (nesterov && momentum == 0) {
                // As in PyTorch: Nesterov's look-ahead is the momentum term, so without one it is a no-op.
                throw new IllegalArgumentException("nesterov requires momentum > 0, got momentum 0.0");
            }
        }
    }

    /** Adam with the paper's settings and learning rate 1e-3. */
    public static OptimizerConfig adam() {
        return new OptimizerConfig(OptimizerKind.ADAM, ADAM_LEARNING_RATE, BETA1, BETA2, EPSILON, MOMENTUM, NESTEROV);
    }

    /** Plain SGD (no momentum) with learning rate 0.01. */
    public static OptimizerConfig sgd() {
        return new OptimizerConfig(OptimizerKind.SGD, SGD_LEARNING_RATE, BETA1, BETA2, EPSILON, MOMENTUM, NESTEROV);
    }

    /** The defaults of the named optimizer: {@link #adam()} or {@link #sgd()}. */
    public static OptimizerConfig defaultsFor(OptimizerKind name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        return switch (name) {
            case ADAM -> adam();
            case SGD -> sgd();
        };
    }

    private static void requireUnused(
            String field, double value, double unusedValue, OptimizerKind owner, OptimizerKind name) {
        if (value != unusedValue) {
            throw new IllegalArgumentException(
                    field + " applies to optimizer " + owner.yamlName() + ", not " + name.yamlName() + ", got " + value);
        }
    }
}
