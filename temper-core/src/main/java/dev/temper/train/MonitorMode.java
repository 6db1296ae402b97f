package dev.temper.train;

/**
 * Whether a monitored quantity improves by decreasing ({@code MIN}), increasing ({@code MAX}), or as its name
 * says ({@code AUTO}, see {@link Monitor#of}). Keras's {@code mode="min"|"max"|"auto"}.
 */
public enum MonitorMode {
    MIN,
    MAX,
    AUTO
}
