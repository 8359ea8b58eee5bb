package org.bnnworkbench.engine.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Unpacks a tar archive, gzipped or not (POSIX ustar, with GNU or pax long names), as CIFAR-10 is distributed. Only
 * regular files and folders are made; links and other entries are skipped, and no entry may land outside the
 * target folder. Each file is written under a temporary name and renamed into place atomically, so an interrupted
 * unpack never leaves a half-written batch under its real name.
 */
final class TarArchive {

    private static final int BLOCK = 512;

    private TarArchive() {
    }

    /** Unpacks {@code archive} into {@code target}; returns the files made, relative to {@code target}. */
    static List<Path> extract(Path archive, Path target) {
        String where = archive.toString();
        try (InputStream in = open(archive)) {
            return extract(where, in, target);
        } catch (EOFException | ZipException e) {
            throw new DatasetException(where, "truncated or corrupt gzip (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DatasetException(where, "could not unpack (" + e + ")", e);
        }
    }

    private static InputStream open(Path archive) throws IOException {
        var in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static List<Path> extract(String where, InputStream in, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        List<Path> made = new ArrayList<>();
        String longName = null;
        while (true) {
            byte[] header = in.readNBytes(BLOCK);
            if (header.length == 0 || isZero(header)) {
                return made; // end-of-archive marker (or a tar cut right at an entry boundary, as tar accepts)
            }
            if (header.length < BLOCK) {
                throw new DatasetException(where, "truncated tar archive: a header is cut short");
            }
            checkChecksum(where, header);
            long size = size(where, header);
            char type = (char) header[156];
            String name = longName != null ? longName : name(header);
            longName = null;
            switch (type) {
                case 'L' -> longName = cString(readContent(where, in, size, name), 0, (int) size);
                case 'x' -> longName = paxPath(readContent(where, in, size, name));
                case '0', '\0', '7' -> {
                    Path file = inside(where, root, name);
                    if (file.equals(root)) {
                        throw new DatasetException(where, "file entry \"" + name + "\" has no file name");
                    }
                    Files.createDirectories(file.getParent());
                    writeAtomically(where, in, size, file, name);
                    made.add(root.relativize(file));
                }
                case '5' -> Files.createDirectories(inside(where, root, name)); // "./" is the root itself
                default -> skip(where, in, size, name); // links, global pax headers, devices: not needed here
            }
            skipPadding(where, in, size, name);
        }
    }

    private static void writeAtomically(String where, InputStream in, long size, Path file, String name)
            throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[1 << 16];
                long left = size;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new DatasetException(where, "truncated tar archive: entry " + name + " is cut short");
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    private static byte[] readContent(String where, InputStream in, long size, String name) throws IOException {
        if (size > 1 << 20) {
            throw new DatasetException(where, "implausible long-name entry of " + size + " bytes");
        }
        byte[] content = in.readNBytes((int) size);
        if (content.length < size) {
            throw new DatasetException(where, "truncated tar archive: entry " + name + " is cut short");
        }
        return content;
    }

    private static void skip(String where, InputStream in, long size, String name) throws IOException {
        try {
            in.skipNBytes(size);
        } catch (EOFException e) {
            throw new DatasetException(where, "truncated tar archive: entry " + name + " is cut short", e);
        }
    }

    private static void skipPadding(String where, InputStream in, long size, String name) throws IOException {
        long padding = (BLOCK - size % BLOCK) % BLOCK;
        if (in.readNBytes((int) padding).length < padding) {
            throw new DatasetException(where, "truncated tar archive after entry " + name);
        }
    }

    /**
     * The {@code path} record of a POSIX pax extended header ({@code "<length> path=<name>\n"} records), which
     * replaces the name of the entry that follows; null if it has none.
     */
    private static String paxPath(byte[] content) {
        String path = null;
        int offset = 0;
        while (offset < content.length) {
            int space = offset;
            while (space < content.length && content[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(content, offset, space - offset, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                return path;
            }
            if (length <= space - offset || offset + length > content.length) {
                return path;
            }
            String record = new String(content, space + 1, offset + length - space - 2, StandardCharsets.UTF_8);
            if (record.startsWith("path=")) {
                path = record.substring("path=".length());
            }
            offset += length;
        }
        return path;
    }

    /** Resolves an entry name under {@code root}, refusing absolute names and names that climb out with "..". */
    private static Path inside(String where, Path root, String name) {
        Path resolved = root.resolve(name).normalize();
        if (!resolved.startsWith(root)) {
            throw new DatasetException(where, "entry " + name + " would be written outside " + root);
        }
        return resolved;
    }

    private static String name(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static long size(String where, byte[] header) {
        if ((header[124] & 0x80) != 0) { // GNU base-256 for sizes of 8 GiB and more
            long size = 0;
            for (int i = 125; i < 136; i++) {
                size = (size << 8) | (header[i] & 0xFF);
            }
            return size;
        }
        return octal(where, header, 124, 12, "size");
    }

    private static void checkChecksum(String where, byte[] header) {
        long stored = octal(where, header, 148, 8, "checksum");
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xFF;
        }
        if (sum != stored) {
            throw new DatasetException(where, "corrupt tar header (checksum " + stored + ", computed " + sum + ")");
        }
    }

    private static long octal(String where, byte[] header, int offset, int length, String field) {
        String text = cString(header, offset, length).strip();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new DatasetException(where, "corrupt tar header: " + field + " field \"" + text + "\"");
        }
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
