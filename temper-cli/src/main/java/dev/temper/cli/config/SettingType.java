package dev.temper.cli.config;

/** What values a {@link Setting} takes; each type has one reading from YAML and one check. */
public enum SettingType {
    /** A real number (an integer such as {@code 1} is taken as 1.0). */
    NUMBER,
    /** A whole number; a float such as {@code 2.0} is refused. */
    INTEGER,
    /** true or false. */
    FLAG,
    /** A non-empty text (a monitored quantity, a file name). */
    TEXT,
    /** One of a fixed list of words ({@code mode: min}). */
    CHOICE,
    /** A non-empty list of whole numbers, strictly increasing ({@code milestones: [10, 20]}). */
    INTEGER_LIST
}
