package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsCommandTest {

    @TempDir
    Path temp;

    @Test
    void jsonListsEveryKnownDatasetAndWhereItLooked() throws IOException {
        Bnn result = Bnn.run("datasets", "--json", "--dir", temp.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode list = new ObjectMapper().readTree(result.out());
        var names = new ArrayList<String>();
        list.get("datasets").forEach(d -> names.add(d.get("name").asText()));
        assertThat(names).containsExactly("fashion-mnist-subset", "fashion-mnist", "mnist", "cifar10");
        JsonNode subset = list.get("datasets").get(0);
        assertThat(subset.get("found").asBoolean()).isTrue();
        assertThat(subset.get("where").asText()).isEqualTo("embedded");
        assertThat(subset.get("licence").asText()).isEqualTo("MIT");
        for (JsonNode dataset : list.get("datasets")) {
            assertThat(dataset.get("howToGet").isNull()).as(dataset.toString())
                    .isEqualTo(dataset.get("found").asBoolean());
        }
        assertThat(list.get("searched").get(0).asText()).isEqualTo(temp.toString());
        assertThat(list.get("environmentVariable").asText()).isEqualTo("BNN_DATASETS");
    }

    @Test
    void theTableSaysWhatIsFoundAndHowToGetTheRest() {
        Bnn result = Bnn.run("datasets");

        assertThat(result.code()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("name").contains("found", "where", "licence");
        assertThat(lines.get(1)).startsWith("fashion-mnist-subset").contains("yes", "embedded", "MIT");
        assertThat(result.out()).contains("Searched for <name>/ in").contains("BNN_DATASETS");
    }

    @Test
    void aDirThatIsNoFolderIsAUsageMistake() {
        Bnn result = Bnn.run("datasets", "--dir", temp.resolve("nowhere").toString());

        assertThat(result.code()).isEqualTo(ExitCode.USAGE);
        assertThat(result.errLines()).singleElement().asString().startsWith("bnn datasets: --dir expects a folder");
    }
}
