package dev.temper.study;

import java.nio.file.Path;

/** A study file that cannot be written, read or trusted; the message names the file and what is wrong. */
public final class StudyFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StudyFileException(Path file, String message) {
        super(file + ": " + message);
    }

    public StudyFileException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
