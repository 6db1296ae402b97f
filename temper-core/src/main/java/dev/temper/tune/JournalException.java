package dev.temper.tune;

/** A journal that cannot be read or written, or that belongs to another study; the message names the file and line. */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
