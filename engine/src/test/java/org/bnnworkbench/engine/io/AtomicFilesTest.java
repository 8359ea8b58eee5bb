package org.bnnworkbench.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier of an atomic write sees the whole written file, and a verifier that throws keeps the target as it was. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private static AtomicFiles.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theVerifierReadsTheCompleteTemporaryFileBeforeTheTargetAppears() throws IOException {
        Path target = dir.resolve("model.bin");
        List<String> seen = new ArrayList<>();
        AtomicFiles.write(target, text("hello"), written -> {
            assertThat(written).isNotEqualTo(target);
            assertThat(target).doesNotExist();
            seen.add(Files.readString(written));
        });
        assertThat(seen).containsExactly("hello");
        assertThat(target).hasContent("hello");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aVerifierThatThrowsLeavesNoFileBehindAndKeepsAnOldOne() throws IOException {
        Path fresh = dir.resolve("fresh.bin");
        assertThatThrownBy(() -> AtomicFiles.write(fresh, text("bad"), written -> {
            throw new IOException("rejected");
        })).isInstanceOf(IOException.class).hasMessage("rejected");
        assertThat(fresh).doesNotExist();

        Path old = dir.resolve("old.bin");
        AtomicFiles.writeString(old, "good");
        assertThatThrownBy(() -> AtomicFiles.write(old, text("bad"), written -> {
            throw new IllegalStateException("rejected too");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(old).hasContent("good");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(old);
        }
    }

    @Test
    void theFileGetsThePermissionsOfAnyNewFileNotOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews()
                .contains("posix"), "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("written");
        AtomicFiles.writeString(written, "x");
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
