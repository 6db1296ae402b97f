package dev.temper.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Where a command writes when no {@code --out} is given: {@code PARENT/yyyyMMdd-HHmmss}, suffixed -2, -3... if taken. */
final class StampedDirectory {
    private StampedDirectory() {}

    static Path under(String parent) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path dir = Path.of(parent, stamp);
        for (int i = 2; Files.exists(dir); i++) {
            dir = Path.of(parent, stamp + "-" + i);
        }
        return dir;
    }
}
