package org.bnnworkbench.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network file format: round trips, and one clear error for each kind of broken file. */
class SpecJsonTest {

    private static final String VALID = SpecJson.write(SpecFixtures.everyKind());

    @Test
    void writeThenReadGivesEqualRecordsAndWritingIsStable() {
        NetworkSpec spec = SpecFixtures.everyKind();
        assertThat(spec.problems()).isEmpty();
        NetworkSpec back = SpecJson.read(SpecJson.write(spec));
        assertThat(back).isEqualTo(spec);
        assertThat(SpecJson.write(back)).isEqualTo(SpecJson.write(spec));
        NetworkSpec twin = spec.fullPrecisionTwin();
        assertThat(SpecJson.read(SpecJson.write(twin))).isEqualTo(twin);
    }

    @Test
    void saveAndLoadThroughAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nets/every-kind.json");
        SpecJson.save(SpecFixtures.everyKind(), file);
        assertThat(SpecJson.load(file)).isEqualTo(SpecFixtures.everyKind());
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void aMissingFileIsASpecException(@TempDir Path dir) {
        assertThatThrownBy(() -> SpecJson.load(dir.resolve("none.json"))).isInstanceOf(SpecException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void truncatedJsonSaysLineAndColumn() {
        String truncated = VALID.substring(0, VALID.length() / 2);
        assertThatThrownBy(() -> SpecJson.read(truncated)).isInstanceOf(SpecException.class)
                .hasMessageContaining("not valid JSON at line").hasMessageContaining("column");
    }

    @Test
    void aNewerFormatVersionIsRefused() {
        assertThatThrownBy(() -> SpecJson.read(VALID.replace("\"version\" : 1", "\"version\" : 2")))
                .isInstanceOf(SpecException.class).hasMessageContaining("format version 2 is newer");
    }

    @Test
    void anotherFormatNameIsRefused() {
        assertThatThrownBy(() -> SpecJson.read(VALID.replace("bnn-workbench/network", "bnn-workbench/run")))
                .isInstanceOf(SpecException.class).hasMessageContaining("not a network file")
                .hasMessageContaining("bnn-workbench/run");
    }

    @Test
    void anUnknownBlockKindNamesTheBlock() {
        assertBlockError(VALID.replace("\"kind\" : \"improvement\"", "\"kind\" : \"improvment\""), "improve",
                "unknown block kind 'improvment'");
    }

    @Test
    void anUnknownFieldNamesTheBlockAndTheField() {
        assertBlockError(VALID.replace("\"growth\" : 16,", "\"growth\" : 16, \"grwoth\" : 16,"), "dense",
                "unknown field 'grwoth'");
    }

    @Test
    void aMissingFieldNamesTheBlockAndTheField() {
        assertBlockError(VALID.replace("\"classes\" : 10,", ""), "classifier", "missing 'classes'");
    }

    @Test
    void aFieldOfTheWrongTypeNamesTheBlock() {
        assertBlockError(VALID.replace("\"classes\" : 10", "\"classes\" : \"ten\""), "classifier",
                "'classes' must be a whole number");
        assertBlockError(VALID.replace("\"classes\" : 10", "\"classes\" : 10.5"), "classifier",
                "'classes' must be a whole number");
        assertBlockError(VALID.replace("\"relu\" : true", "\"relu\" : 1"), "stem", "'relu' must be true or false");
        assertBlockError(VALID.replace("\"classes\" : 10", "\"classes\" : 2147483648"), "classifier",
                "'classes' is too large: 2147483648");
    }

    @Test
    void zeroAndNegativeSizesNameTheBlock() {
        assertBlockError(VALID.replace("\"channels\" : 32,\n    \"kernel\" : 3", "\"channels\" : 0,\n    \"kernel\" : 3"),
                "conv", "channels must be positive, got 0");
        assertBlockError(VALID.replace("\"channels\" : 32,\n    \"kernel\" : 3", "\"channels\" : 32,\n    \"kernel\" : -1"),
                "conv", "kernel must be positive, got -1");
        assertBlockError(VALID.replace("\"growth\" : 16,\n    \"dilation\" : 1\n  }, {\n    \"id\" : \"improve\"",
                "\"growth\" : 0,\n    \"dilation\" : 1\n  }, {\n    \"id\" : \"improve\""), "dense", "growth rate must be positive, got 0");
    }

    @Test
    void anUnknownTopLevelFieldIsRefused() {
        assertThatThrownBy(() -> SpecJson.read(VALID.replace("\"precision\"", "\"extra\" : 1, \"precision\"")))
                .isInstanceOf(SpecException.class).hasMessageContaining("unknown field 'extra'");
    }

    @Test
    void trailingTextAfterTheObjectIsRefused() {
        assertThatThrownBy(() -> SpecJson.read(VALID + "}")).isInstanceOf(SpecException.class)
                .hasMessageContaining("line");
    }

    @Test
    void aDuplicatedFieldIsRefused() {
        assertThatThrownBy(() -> SpecJson.read(VALID.replace("\"classes\" : 10,", "\"classes\" : 10, \"classes\" : 20,")))
                .isInstanceOf(SpecException.class).hasMessageContaining("classes");
    }

    private static void assertBlockError(String json, String block, String message) {
        assertThat(json).as("the edit applies").isNotEqualTo(VALID);
        assertThatThrownBy(() -> SpecJson.read(json).resolve()).isInstanceOfSatisfying(SpecException.class, e -> {
            assertThat(e.blockId()).isEqualTo(block);
            assertThat(e.getMessage()).startsWith("block '" + block + "': ").contains(message);
        });
    }
}
