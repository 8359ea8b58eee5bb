package org.bnnworkbench.engine.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Gzip as data sets are shipped in it (RFC 1952): recognised by its magic bytes, not by the file name, because
 * browsers and mirrors both add and strip ".gz" without changing the content.
 */
final class Gzip {

    private static final int MAGIC_1 = 0x1f;
    private static final int MAGIC_2 = 0x8b;
    /** Trust the size trailer only up to this; a corrupt trailer must not make us allocate gigabytes. */
    private static final int LARGEST_SIZE_HINT = 1 << 28;

    private Gzip() {
    }

    static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == MAGIC_1 && (bytes[1] & 0xFF) == MAGIC_2;
    }

    /**
     * Unpacks a whole gzip file. A file cut short or damaged in transit surfaces from {@link GZIPInputStream} as an
     * {@link EOFException} or a {@link ZipException}; both become a {@link DatasetException} naming the file.
     */
    static byte[] inflate(String where, byte[] gzip) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip), 1 << 16)) {
            // The trailer's ISIZE (size mod 2^32) lets us read straight into an array of the right size.
            byte[] out = new byte[sizeHint(gzip)];
            int n = in.readNBytes(out, 0, out.length);
            if (n < out.length) {
                return Arrays.copyOf(out, n);
            }
            byte[] rest = in.readAllBytes();
            if (rest.length == 0) {
                return out;
            }
            byte[] all = Arrays.copyOf(out, Math.addExact(out.length, rest.length));
            System.arraycopy(rest, 0, all, out.length, rest.length);
            return all;
        } catch (EOFException | ZipException e) {
            throw new DatasetException(where, "truncated or corrupt gzip (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DatasetException(where, "could not unpack gzip (" + e + ")", e);
        }
    }

    private static int sizeHint(byte[] gzip) {
        int n = gzip.length;
        if (n < 18) {
            return 0;
        }
        long size = (gzip[n - 4] & 0xFFL) | (gzip[n - 3] & 0xFFL) << 8 | (gzip[n - 2] & 0xFFL) << 16
                | (gzip[n - 1] & 0xFFL) << 24;
        return (int) Math.min(size, LARGEST_SIZE_HINT);
    }

    /**
     * Packs at level 9 with a fixed header: Java's {@link GZIPOutputStream} writes modification time 0, no file
     * name and OS byte 0xff, so equal input gives equal output on the same zlib, which is what lets us commit
     * generated data files and check that they regenerate byte for byte.
     */
    static byte[] deflate(byte[] data) {
        var bytes = new ByteArrayOutputStream(data.length / 2 + 64);
        try (var out = new GZIPOutputStream(bytes, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen when writing to memory
        }
        return bytes.toByteArray();
    }
}
