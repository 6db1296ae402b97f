package dev.temper.io;

import java.nio.file.Path;

/**
 * A model file that cannot be written, read or trusted. The message is one line, "FILE: problem", so that the
 * command line can print it as it is; the cause, when there is one, is the I/O error underneath.
 */
public final class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is in. */
    public Path file() {
        return file;
    }
}
