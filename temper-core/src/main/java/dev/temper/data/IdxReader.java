package dev.temper.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes, plain or gzipped, into {@link IdxFile}s.
 *
 * <p>The format (LeCun et al., the MNIST distribution): a big-endian header {@code 0x00 0x00 TYPE NDIM}, then
 * {@code NDIM} unsigned 32-bit sizes, then the elements, row-major. Gzip is recognised by its magic bytes
 * {@code 0x1f 0x8b}, not by the file name, because downloads are often renamed or decompressed on the way.
 *
 * <p>The header is not trusted: sizes whose product does not fit a Java array are rejected before anything is
 * allocated; for a plain file the declared size is compared with the file size first; for a gzipped file or a
 * stream, whose length is unknown, the buffer grows with the bytes that actually arrive, so a hostile header
 * cannot make the reader allocate gigabytes. The data must have exactly the declared length: truncated files
 * and trailing bytes are both errors, because either one usually means a wrong or damaged download.
 *
 * <p>Every problem, I/O errors included, is a {@link DataFormatException} whose one-line message names the file.
 */
public final class IdxReader {

    /** More would be a corrupt header; real IDX files have 1 (labels) to 4 dimensions. */
    static final int MAX_DIMENSIONS = 8;

    /** The largest array HotSpot reliably allocates (the limit {@code ArrayList} uses). */
    static final int MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

    private static final int UNSIGNED_BYTE = 0x08;
    private static final long UNKNOWN_LENGTH = -1;
    private static final int BUFFER_BYTES = 1 << 16;
    /** Trailing bytes are counted up to here only, so a gzip bomb after the data cannot keep us busy. */
    private static final int TRAILING_BYTES_COUNTED = 1 << 20;

    private IdxReader() {
    }

    /** Reads a plain or gzipped IDX file of unsigned bytes. */
    public static IdxFile read(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new DataFormatException("cannot read IDX file " + name + ": it is a directory");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES)) {
            return decode(in, name, Files.size(file));
        } catch (NoSuchFileException e) {
            throw new DataFormatException("cannot read IDX file " + name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new DataFormatException("cannot read IDX file " + name + ": permission denied", e);
        } catch (IOException e) {
            throw ioFailure(name, e);
        }
    }

    /**
     * Reads a plain or gzipped IDX stream of unsigned bytes to its end. The stream is left open: whoever opened
     * it closes it.
     *
     * @param sourceName what to call the stream in error messages, e.g. a resource path or URL
     */
    public static IdxFile read(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        // The shield lets us close our own layers (freeing the inflater) without closing the caller's stream.
        try (InputStream buffered = new BufferedInputStream(new KeepOpen(in), BUFFER_BYTES)) {
            return decode(buffered, sourceName, UNKNOWN_LENGTH);
        } catch (IOException e) {
            throw ioFailure(sourceName, e);
        }
    }

    /** @param plainLength the byte count of the source if it is known and not gzipped, else UNKNOWN_LENGTH */
    private static IdxFile decode(InputStream buffered, String name, long plainLength) throws IOException {
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first != 0x1f || second != 0x8b) {
            return parse(buffered, name, plainLength);
        }
        try (InputStream gzip = new GZIPInputStream(buffered, BUFFER_BYTES)) {
            return parse(gzip, name, UNKNOWN_LENGTH);
        } catch (EOFException e) {
            throw new DataFormatException(name + ": gzip data ends early (" + describe(e)
                    + "); the file is probably truncated", e);
        } catch (ZipException e) {
            throw new DataFormatException(name + ": corrupt gzip data (" + describe(e) + ")", e);
        }
    }

    private static IdxFile parse(InputStream in, String name, long plainLength) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length == 0) {
            throw problem(name, "empty file; an IDX file starts with a 4-byte header");
        }
        if (magic.length < 4) {
            throw problem(name, "file ends after " + magic.length + " bytes, inside the 4-byte IDX header");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw problem(name, String.format("not an IDX file: it starts with 0x%02X 0x%02X, IDX files start with"
                    + " 0x00 0x00", magic[0] & 0xFF, magic[1] & 0xFF));
        }
        int typeCode = magic[2] & 0xFF;
        if (typeCode != UNSIGNED_BYTE) {
            throw problem(name, String.format("unsupported IDX element type 0x%02X (%s); temper reads uint8 (0x08)"
                    + " IDX files", typeCode, typeName(typeCode)));
        }
        int dimensionCount = magic[3] & 0xFF;
        if (dimensionCount < 1 || dimensionCount > MAX_DIMENSIONS) {
            throw problem(name, "IDX header declares " + dimensionCount + " dimensions; temper reads 1 to "
                    + MAX_DIMENSIONS);
        }
        int headerBytes = 4 + 4 * dimensionCount;
        int[] dimensions = readDimensions(in, name, dimensionCount);
        int declaredBytes = product(dimensions);
        String declared = "header says " + IdxFile.dimensionsText(dimensions) + " = " + declaredBytes
                + " bytes of data";

        if (plainLength != UNKNOWN_LENGTH) {
            // The file size settles it before anything is allocated.
            long found = plainLength - headerBytes;
            if (found < declaredBytes) {
                throw problem(name, "truncated IDX file: " + declared + ", found " + found);
            }
            if (found > declaredBytes) {
                throw problem(name, "trailing bytes after the IDX data: " + declared + ", found " + found);
            }
        }
        byte[] data = readData(in, name, declaredBytes, plainLength != UNKNOWN_LENGTH, declared);
        long extra = countRemaining(in);
        if (extra > 0) {
            String found = extra < TRAILING_BYTES_COUNTED ? "found " + (declaredBytes + extra)
                    : "found at least " + (declaredBytes + extra);
            throw problem(name, "trailing bytes after the IDX data: " + declared + ", " + found);
        }
        return new IdxFile(dimensions, data);
    }

    private static int[] readDimensions(InputStream in, String name, int dimensionCount) throws IOException {
        byte[] sizes = in.readNBytes(4 * dimensionCount);
        if (sizes.length < 4 * dimensionCount) {
            throw problem(name, "truncated IDX header: it declares " + dimensionCount + " dimensions, the file ends"
                    + " after " + sizes.length / 4 + " of them");
        }
        ByteBuffer bigEndian = ByteBuffer.wrap(sizes);
        long[] unsigned = new long[dimensionCount];
        for (int i = 0; i < dimensionCount; i++) {
            unsigned[i] = Integer.toUnsignedLong(bigEndian.getInt(4 * i));
        }
        String text = joined(unsigned);
        for (int i = 1; i < dimensionCount; i++) {
            if (unsigned[i] == 0) {
                throw problem(name, "IDX header declares " + text + ": size " + (i + 1) + " is 0, only the count"
                        + " (the first size) may be 0");
            }
        }
        // Exact products, so the message can say how far over the limit a corrupt header is.
        BigInteger itemBytes = BigInteger.ONE;
        for (int i = 1; i < dimensionCount; i++) {
            itemBytes = itemBytes.multiply(BigInteger.valueOf(unsigned[i]));
        }
        BigInteger totalBytes = itemBytes.multiply(BigInteger.valueOf(unsigned[0]));
        BigInteger limit = BigInteger.valueOf(MAX_DATA_BYTES);
        if (totalBytes.compareTo(limit) > 0) {
            throw problem(name, "IDX header says " + text + " = " + totalBytes + " bytes of data, more than the "
                    + MAX_DATA_BYTES + " a Java array can hold");
        }
        // Checked on its own because a count of 0 hides it from the total.
        if (itemBytes.compareTo(limit) > 0) {
            throw problem(name, "IDX header says " + text + ": items of " + itemBytes + " bytes, more than the "
                    + MAX_DATA_BYTES + " a Java array can hold");
        }
        int[] dimensions = new int[dimensionCount];
        for (int i = 0; i < dimensionCount; i++) {
            dimensions[i] = (int) unsigned[i]; // each fits: a single size is at most the product checked above
        }
        return dimensions;
    }

    /** Reads exactly {@code declaredBytes}; without a checked length the buffer grows only as bytes arrive. */
    private static byte[] readData(InputStream in, String name, int declaredBytes, boolean lengthChecked,
                                   String declared) throws IOException {
        byte[] data = new byte[lengthChecked ? declaredBytes : Math.min(declaredBytes, BUFFER_BYTES)];
        int filled = 0;
        while (true) {
            filled += in.readNBytes(data, filled, data.length - filled);
            if (filled < data.length) {
                throw problem(name, "truncated IDX file: " + declared + ", found " + filled);
            }
            if (filled == declaredBytes) {
                return data;
            }
            data = Arrays.copyOf(data, (int) Math.min(declaredBytes, 2L * data.length));
        }
    }

    private static long countRemaining(InputStream in) throws IOException {
        byte[] scratch = new byte[8192];
        long count = 0;
        int read;
        while (count < TRAILING_BYTES_COUNTED && (read = in.read(scratch)) >= 0) {
            count += read;
        }
        return count;
    }

    private static int product(int[] dimensions) {
        long product = 1;
        for (int size : dimensions) {
            product *= size;
        }
        return Math.toIntExact(product); // readDimensions checked that it fits
    }

    /** The names the IDX description gives its type codes, so the message says what the file holds. */
    private static String typeName(int typeCode) {
        switch (typeCode) {
            case 0x08: return "uint8";
            case 0x09: return "int8";
            case 0x0B: return "int16";
            case 0x0C: return "int32";
            case 0x0D: return "float32";
            case 0x0E: return "float64";
            default: return "not an IDX type code";
        }
    }

    private static String joined(long[] sizes) {
        StringJoiner joined = new StringJoiner("x");
        for (long size : sizes) {
            joined.add(Long.toString(size));
        }
        return joined.toString();
    }

    private static DataFormatException problem(String name, String problem) {
        return new DataFormatException(name + ": " + problem);
    }

    private static DataFormatException ioFailure(String name, IOException e) {
        return new DataFormatException("cannot read IDX file " + name + ": " + describe(e), e);
    }

    /** The exception's message on one line, or its type when it has none. */
    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.replace('\n', ' ').replace('\r', ' ');
    }

    /** Passes reads through and ignores close, so closing our layers leaves the caller's stream open. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // The caller opened the stream and closes it.
        }
    }
}
