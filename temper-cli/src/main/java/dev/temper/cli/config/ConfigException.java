package dev.temper.cli.config;

/**
 * A run file that cannot be used. The message is one line that names the file and, where there is
 * one, the line: {@code run.yaml line 7: 'epochs' must be an integer >= 1, got "ten"}. The CLI
 * prints it as it is, so it never carries a stack trace or a multi-line parser dump.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
