package dev.temper.train;

import dev.temper.tensor.Rng;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generators one {@link Trainer#fit} draws from, each split off the run's generator in a fixed order: the
 * shuffle order of every epoch, the stochastic layers (dropout, noise), augmentation, and mixup's lambda and partners
 * (the last two split only when the trainer uses them, so that runs without them keep the bits they had before they
 * existed, and switching mixup on changes neither the shuffle order nor the augmentation's draws). Their states go
 * into a checkpoint by name, so that a resumed run draws exactly what the uninterrupted one would have.
 */
final class TrainingStreams {
    static final String SHUFFLE = "shuffle";
    static final String LAYERS = "layers";
    static final String AUGMENTATION = "augmentation";
    static final String MIXUP = "mixup";

    private final Map<String, Rng> byName = new LinkedHashMap<>();

    private TrainingStreams() {}

    static TrainingStreams split(Rng rng, boolean augmented, boolean mixed) {
        TrainingStreams s = new TrainingStreams();
        s.byName.put(SHUFFLE, rng.split());
        s.byName.put(LAYERS, rng.split());
        if (augmented) {
            s.byName.put(AUGMENTATION, rng.split());
        }
        if (mixed) {
            s.byName.put(MIXUP, rng.split());
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

    /** Null when the run does not mix batches. */
    Rng mixup() {
        return byName.get(MIXUP);
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
                + switched(AUGMENTATION, states) + switched(MIXUP, states);
    }

    /** Says that the optional stream {@code name} was switched on or off since the checkpoint, else nothing. */
    private String switched(String name, Map<String, long[]> states) {
        boolean now = byName.containsKey(name);
        return now == states.containsKey(name) ? ""
                : " (" + name + " is " + (now ? "on" : "off") + " now but was " + (now ? "off" : "on") + " then)";
    }

    /** Loads states of exactly these streams (checked with {@link #mismatch} first). */
    void restore(Map<String, long[]> states) {
        byName.forEach((name, rng) -> rng.restore(states.get(name)));
    }
}
