package dev.temper.train;

/** Told about each finished epoch (progress lines, logs); the epoch-only special case of {@link Callback} ({@link Callback#of}). */
@FunctionalInterface
public interface EpochListener {
    void onEpochEnd(EpochRecord record);

    static EpochListener none() {
        return record -> { };
    }
}
