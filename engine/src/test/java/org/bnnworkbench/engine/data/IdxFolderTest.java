package org.bnnworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFolderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFourStandardFilesGzippedOrRaw() {
        for (boolean gzip : new boolean[] {true, false}) {
            Path folder = IdxFiles.writeFolder(dir.resolve("gz-" + gzip), 12, 5, gzip);
            var split = IdxFolder.read("t", folder, IdxFolder.numbered(10));
            assertThat(split.train().size()).isEqualTo(12);
            assertThat(split.test().size()).isEqualTo(5);
            assertThat(split.source()).isEqualTo(folder.toString());
            assertThat(split.licenceNotice()).isNull();
        }
    }

    @Test
    void folderOfUnknownOriginNumbersItsClassesUpToTheHighestLabel() {
        Path folder = IdxFiles.writeFolder(dir, 12, 5, false);
        // labels are 7i mod 10 for i < 12: 0..9 all occur
        assertThat(IdxFolder.read("t", folder).train().classNames()).containsExactly(
                "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void missingFilesAreListed() throws Exception {
        Path folder = IdxFiles.writeFolder(dir, 3, 3, true);
        Files.delete(folder.resolve(IdxFolder.TEST_LABELS + ".gz"));
        assertThat(IdxFolder.holdsIdx(folder)).isFalse();
        assertThat(IdxFolder.missing(folder)).isEqualTo(List.of("t10k-labels-idx1-ubyte[.gz]"));
        assertThatThrownBy(() -> IdxFolder.read("t", folder, IdxFolder.numbered(10)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte.gz: file not found");
    }
}
