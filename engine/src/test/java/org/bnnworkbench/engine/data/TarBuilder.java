package org.bnnworkbench.engine.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds small ustar archives for tests, written from the POSIX layout independently of {@link TarArchive}. */
final class TarBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TarBuilder file(String name, byte[] content) {
        return entry(name, '0', content);
    }

    TarBuilder folder(String name) {
        return entry(name, '5', new byte[0]);
    }

    /** A GNU long-name entry followed by the file it names. */
    TarBuilder longNamedFile(String name, byte[] content) {
        entry("././@LongLink", 'L', (name + "\0").getBytes(StandardCharsets.UTF_8));
        return entry(name.substring(0, 99), '0', content);
    }

    /** A pax extended header with a {@code path} record, followed by the file it names. */
    TarBuilder paxNamedFile(String name, byte[] content) {
        String body = " path=" + name + "\n";
        int length = body.length() + 1;
        while (length != body.length() + Integer.toString(length).length()) {
            length = body.length() + Integer.toString(length).length();
        }
        entry("PaxHeaders/x", 'x', (length + body).getBytes(StandardCharsets.UTF_8));
        return entry(name.substring(0, 99), '0', content);
    }

    TarBuilder entry(String name, char type, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, "00000000000");
        header[156] = (byte) type;
        put(header, 257, "ustar");
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        put(header, 148, String.format("%06o\0 ", sum));
        out.writeBytes(header);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        return this;
    }

    /** The archive with its end marker of two zero blocks. */
    byte[] build() {
        var copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(new byte[1024]);
        return copy.toByteArray();
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
