package dev.temper.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one CSV row per epoch to a file as the run goes, with {@link History#toCsv()}'s columns (Keras's
 * {@code CSVLogger}, https://keras.io/api/callbacks/csv_logger/). Each row is appended and the file closed at
 * once, so the rows of finished epochs survive a crash. Without {@code append} (Keras's default) the file is
 * started afresh at the beginning of the run; with it, rows go after the existing ones and the header is
 * written only when the file is empty or missing.
 */
public final class CsvLogger implements Callback {
    private final Path file;
    private final boolean append;
    private EpochRecord first;

    public CsvLogger(Path file) {
        this(file, false);
    }

    public CsvLogger(Path file, boolean append) {
        if (file == null) {
            throw new IllegalArgumentException("CsvLogger: file must not be null");
        }
        this.file = file;
        this.append = append;
    }

    /** Whether rows go after the file's existing ones rather than into a fresh file. */
    public boolean append() {
        return append;
    }

    @Override
    public void onTrainBegin(TrainingControl control) {
        first = null;
        try {
            if (!append) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CsvLogger: cannot reset " + file, e);
        }
    }

    @Override
    public void onEpochEnd(EpochRecord record, TrainingControl control) {
        StringBuilder text = new StringBuilder();
        if (first == null) {
            first = record;
            if (!Files.exists(file) || size() == 0) {
                text.append(History.csvHeader(record));
            }
        }
        text.append(History.csvRow(record, first));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("CsvLogger: cannot append to " + file, e);
        }
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("CsvLogger: cannot read the size of " + file, e);
        }
    }
}
