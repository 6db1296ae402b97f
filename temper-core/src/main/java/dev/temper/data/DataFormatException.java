package dev.temper.data;

/**
 * A data file that cannot be used: unreadable, malformed, truncated, or inconsistent with its partner file.
 *
 * <p>The message is one line that names the file (or resource) and the problem, so that it can be shown to a
 * user as it is. Unchecked because a caller can rarely recover from a bad data file except by reporting it.
 *
 * <p>Not to be confused with {@code java.util.zip.DataFormatException}, which the JDK throws for bad deflate
 * data; temper's readers turn that one into this one.
 */
public class DataFormatException extends RuntimeException {

    // Exceptions are Serializable by inheritance; temper never serializes them, the field only quiets -Xlint.
    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
