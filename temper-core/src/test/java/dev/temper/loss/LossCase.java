package dev.temper.loss;

import java.util.function.Function;

/** One loss configuration of the fixture script: its name there, how to build it, and its inputs' names. */
record LossCase(String name, Function<Reduction, PerSampleLoss> loss, String output, String targets) {
    @Override
    public String toString() {
        return name;
    }
}
