package dev.temper.optim;

/**
 * Stochastic gradient descent, optionally with (Nesterov) momentum: {@code p -= lr * g}, or with momentum
 * {@code buf = momentum * buf + g; p -= lr * buf} (PyTorch's form; see {@link Trace}).
 * Defaults as in Keras: learning rate 0.01, no momentum.
 *
 * <p>Full-batch gradient descent is this optimizer fed the gradient of the whole training set each step (one
 * batch holding every example); "stochastic" only says the gradient comes from a sample of it.
 */
public record Sgd(double learningRate, double momentum, boolean nesterov) {
    public Sgd {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("nesterov needs momentum > 0, got momentum 0");
        }
    }

    public static Sgd defaults() {
        return new Sgd(0.01, 0.0, false);
    }

    public Sgd withLearningRate(double lr) {
        return new Sgd(lr, momentum, nesterov);
    }

    public Sgd withMomentum(double m, boolean useNesterov) {
        return new Sgd(learningRate, m, useNesterov);
    }

    public Optimizer build() {
        return new Optimizer(momentum == 0 ? new Identity() : new Trace(momentum, nesterov), learningRate);
    }
}
