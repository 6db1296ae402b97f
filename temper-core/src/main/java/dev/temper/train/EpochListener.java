package dev.temper.train;

/** Told about each finished epoch (progress lines, logs). The callbacks issue grows this into Callback. */
@FunctionalInterface
public interface EpochListener {
    void onEpochEnd(EpochRecord record);

    static EpochListener none() {
        return record -> { };
    }
}
