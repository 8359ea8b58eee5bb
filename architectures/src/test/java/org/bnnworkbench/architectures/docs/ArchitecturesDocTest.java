package org.bnnworkbench.architectures.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.Family;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.junit.jupiter.api.Test;

/**
 * docs/architectures.md shows the code's parameters and computed costs; this test fails when they drift
 * apart. With {@code -Dbnn.docs.update=true} it rewrites the generated sections instead.
 */
class ArchitecturesDocTest {

    private static final Path DOC = Path.of("..", "docs", "architectures.md");

    @Test
    void generatedSectionsMatchTheCode() throws Exception {
        String doc = Files.readString(DOC);
        String updated = ArchitecturesDoc.update(doc);
        if (Boolean.getBoolean("bnn.docs.update") && !updated.equals(doc)) {
            Files.writeString(DOC, updated);
            doc = updated;
        }
        assertThat(doc).as("docs/architectures.md is out of date; rerun this test with -Dbnn.docs.update=true")
                .isEqualTo(updated);
        for (String name : ArchitecturesDoc.sections().keySet()) {
            assertThat(doc).as("section " + name).contains("<!-- generated: " + name + " -->");
        }
    }

    @Test
    void everyParameterDeclarationHasItsLine() throws Exception {
        String doc = Files.readString(DOC);
        for (Family f : Architectures.families()) {
            for (ParameterDeclaration d : f.parameters()) {
                assertThat(doc).as(f.name() + "." + d.name()).contains(ParameterTable.line(d));
            }
        }
    }

    @Test
    void everyNamedNetworkHasItsRowAndNoDifferenceIsUnexplained() throws Exception {
        String doc = Files.readString(DOC);
        Architectures.names().forEach(n -> assertThat(doc).contains("| `" + n + "` |"));
        assertThat(doc).doesNotContain("NOT EXPLAINED");
        assertThat(doc).contains("| `meliusnet22` | 224x224x3 | 6,119,424 | 825,160 | 3.877 | 4.066 |");
    }

    @Test
    void scientificNotationKeepsFourSignificantDigits() {
        assertThat(NetworkTable.scientific(208_130_048)).isEqualTo("2.081e8");
        assertThat(NetworkTable.scientific(9_999_600)).isEqualTo("1.000e7");
        assertThat(NetworkTable.scientific(18_316_247_040L)).isEqualTo("1.832e10");
    }
}
