package dev.temper.nn;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * Creates a parameter's initial values from its fan-in and fan-out. All draws come from the given generator, so the
 * same seed gives the same bits. Values are float32.
 *
 * <p>Fans: for {@link Dense}, {@code fanIn} is its number of inputs and {@code fanOut} its number of units. The
 * variance-scaling family keeps the variance of activations (fan-in) or of gradients (fan-out) roughly constant
 * from layer to layer:
 * <pre>
 *   name          distribution    variance                 reference
 *   glorotUniform U(-l, l)        2 / (fanIn + fanOut)     Glorot and Bengio 2010 (AISTATS), eq. 16
 *   glorotNormal  N(0, s^2)       2 / (fanIn + fanOut)     Glorot and Bengio 2010
 *   heUniform     U(-l, l)        2 / fanIn                He, Zhang, Ren and Sun 2015 (ICCV), eq. 10
 *   heNormal      N(0, s^2)       2 / fanIn                He et al. 2015
 *   lecunUniform  U(-l, l)        1 / fanIn                LeCun, Bottou, Orr and Mueller 1998, "Efficient BackProp", 4.6
 *   lecunNormal   N(0, s^2)       1 / fanIn                LeCun et al. 1998
 * </pre>
 * with {@code l = sqrt(3 variance)} (the variance of U(-l, l) is l^2 / 3) and {@code s = sqrt(variance)}.
 *
 * <p>The normal variants draw from the plain normal, as PyTorch's {@code xavier_normal_} and {@code kaiming_normal_}
 * do. Keras's {@code GlorotNormal}, {@code HeNormal} and {@code LecunNormal} instead draw from a normal truncated at
 * two standard deviations and widened by 1 / 0.8796 so that the variance is the same; only the tails differ.
 */
@FunctionalInterface
public interface Initializer {

    Tensor create(int[] shape, int fanIn, int fanOut, Rng rng);

    static Initializer zeros() {
        return (shape, fanIn, fanOut, rng) -> Tensor.zeros(shape);
    }

    /** Every value equal to {@code value} (Keras's {@code Constant}, PyTorch's {@code constant_}). */
    static Initializer constant(double value) {
        return RandomInitializers.constant(value);
    }

    /** U(low, high): uniform in {@code [low, high)} (Keras's {@code RandomUniform}, PyTorch's {@code uniform_}). */
    static Initializer uniform(double low, double high) {
        return RandomInitializers.uniform(low, high);
    }

    /** N(mean, std^2) (Keras's {@code RandomNormal}, PyTorch's {@code normal_}). */
    static Initializer normal(double mean, double std) {
        return RandomInitializers.normal(mean, std);
    }

    /**
     * N(mean, std^2) with draws more than two standard deviations from the mean discarded and re-drawn, as Keras's
     * {@code TruncatedNormal}; the result's standard deviation is about {@code 0.8796 std}. (PyTorch's
     * {@code trunc_normal_} differs: it cuts at absolute bounds {@code a = -2, b = 2}, which equal +-2 std only when
     * mean is 0 and std is 1.)
     */
    static Initializer truncatedNormal(double mean, double std) {
        return RandomInitializers.truncatedNormal(mean, std);
    }

    /** Glorot/Xavier uniform, {@code l = sqrt(6 / (fanIn + fanOut))}; Keras's default kernel initializer. */
    static Initializer glorotUniform() {
        return RandomInitializers.varianceScaling("glorotUniform", 1, true, false);
    }

    /** Glorot/Xavier normal, {@code s = sqrt(2 / (fanIn + fanOut))}. */
    static Initializer glorotNormal() {
        return RandomInitializers.varianceScaling("glorotNormal", 1, true, true);
    }

    /** He/Kaiming uniform, {@code l = sqrt(6 / fanIn)}, suited to ReLU. */
    static Initializer heUniform() {
        return RandomInitializers.varianceScaling("heUniform", 2, false, false);
    }

    /** He/Kaiming normal, {@code s = sqrt(2 / fanIn)}, suited to ReLU. */
    static Initializer heNormal() {
        return RandomInitializers.varianceScaling("heNormal", 2, false, true);
    }

    /** LeCun uniform, {@code l = sqrt(3 / fanIn)}. */
    static Initializer lecunUniform() {
        return RandomInitializers.varianceScaling("lecunUniform", 1, false, false);
    }

    /** LeCun normal, {@code s = sqrt(1 / fanIn)}; the initialization SELU's self-normalization assumes. */
    static Initializer lecunNormal() {
        return RandomInitializers.varianceScaling("lecunNormal", 1, false, true);
    }

    /** {@link #orthogonal(double)} with gain 1. */
    static Initializer orthogonal() {
        return orthogonal(1.0);
    }

    /**
     * A (semi-)orthogonal matrix times {@code gain} (Saxe, McClelland and Ganguli 2014, "Exact solutions to the
     * nonlinear dynamics of learning in deep linear neural networks"). Shapes of more than two dimensions are
     * flattened to {@code [shape[0], product of the rest]}, as PyTorch's {@code orthogonal_}. A tall result has
     * orthonormal columns ({@code W^T W = gain^2 I}), a wide one orthonormal rows ({@code W W^T = gain^2 I}).
     * Method: Gram-Schmidt of a standard normal matrix, which with a positive-diagonal R gives a matrix uniformly
     * distributed over the orthogonal group (Mezzadri 2007, "How to generate random matrices from the classical
     * compact groups").
     */
    static Initializer orthogonal(double gain) {
        return new Orthogonal(gain);
    }
}
