package dev.temper.train;

import dev.temper.tensor.Rng;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generators one {@link Trainer#fit} draws from, each split off the run's generator in a fixed order: the
 * shuffle order of every epoch, the stochastic layers (dropout, noise), and augmentation (split only when the
 * trainer augments, so that runs without augmentation keep the bits they had before it existed). Their states go
 * into a checkpoint by name, so that a resumed run draws exactly what the uninterrupted one would have.
 */
final class TrainingStreams {
    static final String SHUFFLE = "shuffle";
    static final String LAYERS = "layers";
    static final String AUGMENTATION = "augmentation";

    private final Map<String, Rng> byName = new LinkedHashMap<>();

    private TrainingStreams() {}

    static TrainingStreams split(Rng rng, boolean augmented) {
        TrainingStreams s = new TrainingStreams();
        s.byName.put(SHUFFLE, rng.split());
        s.byName.put(LAYERS, rng.split());
        if (augmented) {
            s.byName.put(AUGMENTATION, rng.split());
        }
        return s;
    }

    Rng shuffle() {
        return byName.get(SHUFFLE);
    }

    Rng layers() {
        return byName.get(LAYERS);
    }

    /** Null when the run does not augment. */
    Rng augmentation() {
        return byName.get(AUGMENTATION);
    }

    /** Each stream's state by name. */
    Map<String, long[]> states() {
        Map<String, long[]> out = new LinkedHashMap<>();
        byName.forEach((name, rng) -> out.put(name, rng.state()));
        return out;
    }

    /** Null when {@code states} names exactly these streams, else what differs. */
    String mismatch(Map<String, long[]> states) {
        if (states.keySet().equals(byName.keySet())) {
            return null;
        }
        return "it holds the generator streams " + states.keySet() + ", this run draws from " + byName.keySet()
                + (byName.containsKey(AUGMENTATION) != states.containsKey(AUGMENTATION)
                        ? " (augmentation is " + (byName.containsKey(AUGMENTATION) ? "on" : "off") + " now but was not then)"
                        : "");
    }

    /** Loads states of exactly these streams (checked with {@link #mismatch} first). */
    void restore(Map<String, long[]> states) {
        byName.forEach((name, rng) -> rng.restore(states.get(name)));
    }
}
