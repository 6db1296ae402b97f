package dev.temper.tune;

import dev.temper.tensor.Rng;
import java.util.List;

/**
 * One dimension of a {@link SearchSpace}. Model-based strategies see every parameter through the unit interval:
 * {@link #toUnit} maps a value to {@code [0, 1]} (through the logarithm on a log scale, through the choice index for
 * a categorical) and {@link #fromUnit} maps back (rounding integers, picking the nearest choice).
 */
public sealed interface Hyperparameter permits Categorical, IntegerRange, FloatRange {

    String name();

    /** Null when the parameter is always active. */
    Condition condition();

    /** A uniform draw (uniform in the logarithm on a log scale). */
    Object sample(Rng rng);

    /** The value as this parameter holds it; an error naming the parameter and the value when it does not fit. */
    Object validate(Object value);

    double toUnit(Object value);

    Object fromUnit(double unit);

    /** The values a grid search visits, {@code points} of them for a continuous range. */
    List<Object> gridValues(int points);

    /** A short description: {@code learning_rate: float [1e-4, 1e-1] log}. */
    String describe();

    /** This parameter, active only when {@code parent} takes one of {@code values}. */
    Hyperparameter when(String parent, Object... values);

    static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a hyperparameter needs a name, got '" + name + "'");
        }
    }
}
