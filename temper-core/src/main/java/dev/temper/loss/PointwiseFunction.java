package dev.temper.loss;

/** A loss term of one output element {@code x} and its target {@code t}, with its derivative in {@code x}. */
interface PointwiseFunction {
    double value(double x, double t);

    double derivative(double x, double t);
}
