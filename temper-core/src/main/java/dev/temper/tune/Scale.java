package dev.temper.tune;

/** How a numeric range is searched: evenly in its values, or evenly in their logarithm (learning rates, penalties). */
public enum Scale {
    LINEAR,
    LOG
}
