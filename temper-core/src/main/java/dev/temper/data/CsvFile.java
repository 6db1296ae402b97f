package dev.temper.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated file as text cells: a header row of column names, then records of the same width.
 * Fields may be quoted ({@code "a, b"}, with {@code ""} for a quote inside), as RFC 4180 describes; a quoted
 * field may not span lines. Blank lines are skipped. Every error names the file and the line.
 */
public record CsvFile(String source, List<String> header, List<String[]> records, int[] lineNumbers) {

    public static CsvFile read(Path file) {
        String source = file.toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(source, reader);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(source + ": file not found");
        } catch (CharacterCodingException e) {
            throw new DataFormatException(source + ": not UTF-8 text");
        } catch (IOException e) {
            throw new DataFormatException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static CsvFile parse(String source, BufferedReader reader) throws IOException {
        List<String> header = null;
        List<String[]> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark, as spreadsheet exports write
            }
            if (line.isBlank()) {
                continue;
            }
            String[] cells = split(line, source, lineNumber);
            if (header == null) {
                header = List.of(cells);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i].isBlank()) {
                        throw new DataFormatException(source + " line " + lineNumber + ": header column " + (i + 1) + " has no name");
                    }
                    if (header.indexOf(cells[i]) != i) {
                        throw new DataFormatException(source + " line " + lineNumber + ": column name '" + cells[i] + "' appears twice in the header");
                    }
                }
                continue;
            }
            if (cells.length != header.size()) {
                throw new DataFormatException(source + " line " + lineNumber + ": expected " + header.size()
                        + " fields as in the header, got " + cells.length);
            }
            records.add(cells);
            lines.add(lineNumber);
        }
        if (header == null) {
            throw new DataFormatException(source + ": empty file (expected a header row of column names)");
        }
        return new CsvFile(source, header, records, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    /** One line's fields; quotes are removed. */
    private static String[] split(String line, String source, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == ',') {
                cells.add(wasQuoted ? cell.toString() : cell.toString().trim());
                cell.setLength(0);
                wasQuoted = false;
            } else if (ch == '"' && cell.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new DataFormatException(source + " line " + lineNumber + ": a quoted field is not closed");
        }
        cells.add(wasQuoted ? cell.toString() : cell.toString().trim());
        return cells.toArray(new String[0]);
    }

    /** The index of a column by name; the error lists the columns there are. */
    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new DataFormatException(source + ": no column named '" + name + "'; columns are " + String.join(", ", header));
        }
        return i;
    }
}
