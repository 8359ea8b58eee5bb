package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.engine.spec.SpecJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void meliusNet22CostsWhatThePublishedTableSays() throws Exception {
        Bnn r = Bnn.run("cost", "meliusnet22", "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode c = JSON.readTree(r.out());
        assertThat(c.get("binaryParams").asLong()).isEqualTo(6_119_424);
        assertThat(c.get("modelSizeBytes").asLong()).isEqualTo(4_065_568);
        assertThat(String.format("%.2f", c.get("modelSizeMiB").asDouble())).isEqualTo("3.88");
        assertThat(String.format("%.2f", c.get("ops").asDouble() / 1e8)).isEqualTo("2.08");
        assertThat(c.get("modelSizeMB").asDouble()).isEqualTo(4.065568);
        assertThat(c.has("layers")).isFalse();
    }

    @Test
    void paramsResizeANamedNetworkAndTheSameCodeCostsIt() throws Exception {
        JsonNode full = JSON.readTree(Bnn.run("cost", "meliusnet22", "--json").out());
        Bnn r = Bnn.run("cost", "meliusnet22", "--param", "blocks=3,3,3,3", "--param", "input=32x32x3",
                "--param", "classes=10", "--json", "--layers");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode small = JSON.readTree(r.out());
        assertThat(small.get("binaryParams").asLong()).isLessThan(full.get("binaryParams").asLong()).isPositive();
        assertThat(small.get("ops").asDouble()).isLessThan(full.get("ops").asDouble());
        long layerBinary = 0;
        for (JsonNode l : small.get("layers")) {
            layerBinary += l.get("binaryParams").asLong();
        }
        assertThat(layerBinary).isEqualTo(small.get("binaryParams").asLong());
        assertThat(small.get("layers").get(small.get("layers").size() - 1).get("output").asText()).isEqualTo("10x1x1");
    }

    @Test
    void larqConventionCountsTheClassifier() throws Exception {
        JsonNode bmx = JSON.readTree(Bnn.run("cost", "meliusnet22", "--json").out());
        JsonNode larq = JSON.readTree(Bnn.run("cost", "meliusnet22", "--convention", "larq", "--json").out());
        assertThat(larq.get("flops").asLong() - bmx.get("flops").asLong()).isEqualTo(512L * 1000);
        assertThat(larq.get("modelSizeBytes").asLong()).isEqualTo(bmx.get("modelSizeBytes").asLong());
    }

    @Test
    void aNetworkFileIsCostedLikeTheNamedNetworkItCameFrom(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b28.json");
        Files.writeString(file, SpecJson.write(Architectures.get("binarydensenet28").spec()));
        JsonNode fromFile = JSON.readTree(Bnn.run("cost", file.toString(), "--json").out());
        JsonNode named = JSON.readTree(Bnn.run("cost", "binarydensenet28", "--json").out());
        assertThat(fromFile.get("ops")).isEqualTo(named.get("ops"));
        assertThat(fromFile.get("modelSizeBytes")).isEqualTo(named.get("modelSizeBytes"));
    }

    @Test
    void csvHasOneRowPerLayerAndATotal() {
        Bnn r = Bnn.run("cost", "bnn-small", "--csv", "--layers");
        assertThat(r.code()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("name,block,kind,output,binaryParams");
        assertThat(lines[lines.length - 1]).startsWith("total,bnn-small,bmxnet");
        assertThat(lines.length).isGreaterThan(20);
    }

    @Test
    void theFullPrecisionTwinHasNoBinaryParameters() throws Exception {
        JsonNode twin = JSON.readTree(Bnn.run("cost", "bnn-small", "--full-precision", "--json").out());
        assertThat(twin.get("binaryParams").asLong()).isZero();
        assertThat(twin.get("bops").asLong()).isZero();
    }

    @Test
    void mistakesAreOneLineWithExitCodeTwo() {
        for (String[] args : new String[][] {
                {"cost"},
                {"cost", "no-such-net"},
                {"cost", "meliusnet22", "--param", "growthRate=0"},
                {"cost", "meliusnet22", "--param", "nosuch=1"},
                {"cost", "meliusnet22", "--convention", "caffe"},
                {"cost", "meliusnet22", "--json", "--csv"},
                {"cost", "/nonexistent/net.json"}}) {
            Bnn r = Bnn.run(args);
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.errLines()).as(r.toString()).hasSize(1);
            assertThat(r.out()).isEmpty();
        }
        assertThat(Bnn.run("cost", "meliusnet22", "--param", "growthRate=0").err()).contains("growthRate=0").contains("outside 1..1024");
    }

    @Test
    void architecturesListsEveryNamedNetworkAndFamilyParameter() throws Exception {
        Bnn r = Bnn.run("architectures", "--json");
        assertThat(r.code()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("named").size()).isEqualTo(Architectures.named().size());
        assertThat(root.get("named").findValuesAsText("name")).contains("meliusnet22", "binarydensenet28", "bnn-small",
                "resnet18", "birealnet18", "meliusnetc", "resnete-mini");
        JsonNode dense = root.get("families").get(0);
        assertThat(dense.get("name").asText()).isEqualTo("dense");
        assertThat(dense.get("parameters").findValuesAsText("name")).contains("growthRate", "reductions", "improvement");
        assertThat(Bnn.run("architectures").out()).contains("meliusnet22").contains("Family 'dense'");
    }
}
