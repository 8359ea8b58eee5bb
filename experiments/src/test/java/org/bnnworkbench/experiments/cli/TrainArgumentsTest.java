package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bnn train} with arguments it cannot use: one line on stderr that names the culprit, and no training. */
class TrainArgumentsTest {

    @TempDir
    Path temp;

    private Bnn train(String... args) {
        var all = new ArrayList<String>(List.of("train"));
        all.addAll(List.of(args));
        return Bnn.run(all.toArray(String[]::new));
    }

    private static void assertOneLine(Bnn result, int code, String... fragments) {
        assertThat(result.code()).as(result.toString()).isEqualTo(code);
        assertThat(result.errLines()).as(result.toString()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("bnn train: ").contains(fragments);
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--clip -1              | --clip expects a positive number, got '-1'",
        "--clip 0               | --clip expects a positive number",
        "--epochs 0             | --epochs expects a positive integer, got '0'",
        "--epochs ten           | --epochs expects a positive integer, got 'ten'",
        "--batch 1.5            | --batch",
        "--lr fast              | --lr expects a positive number",
        "--lr 1e-60             | --lr",
        "--estimator sign       | --estimator expects one of ste, approx, swish, got 'sign'",
        "--arch resnet-9000     | --arch resnet-9000: unknown architecture 'resnet-9000'",
        "--dataset no-such-set  | --dataset expects one of fashion-mnist-subset",
        "--optimizer rmsprop    | --optimizer",
        "--schedule linear      | --schedule",
        "--momentum 1           | --momentum",
        "--weight-decay -0.1    | --weight-decay",
        "--pad 1                | --pad expects one of -1, 0, got '1'",
        "--crop-padding -2      | --crop-padding",
        "--train-limit 1        | --train-limit",
        "--test-limit -5        | --test-limit",
        "--seed 1.5             | --seed",
        "--epoch 3              | unknown option '--epoch' (did you mean '--epochs'?)",
        "--json=yes             | --json takes no value",
        "extra                  | unexpected argument 'extra'",
        "--resume               | --resume: no checkpoint",
        "--no-checkpoint --resume | --no-checkpoint cannot go with --resume",
        "--checkpoint --no-checkpoint | --no-checkpoint cannot go with --checkpoint",
    })
    void aBadArgumentIsOneLineNamingItAndExitCodeTwo(String arguments, String message) {
        Path out = temp.resolve("run");
        var args = new ArrayList<String>(List.of(arguments.split(" ")));
        args.addAll(List.of("--out", out.toString()));

        assertOneLine(train(args.toArray(String[]::new)), ExitCode.USAGE, message);
        assertThat(out.resolve("run.json")).doesNotExist();
    }

    @Test
    void withoutOutThereIsNowhereToWriteTheRecord() {
        assertOneLine(train("--epochs", "1"), ExitCode.USAGE, "--out is required");
    }

    @Test
    void anOutThatIsAFileOrLiesUnderAFileIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "not a folder");

        assertOneLine(train("--out", file.toString()), ExitCode.USAGE, "--out", "is a file");
        assertOneLine(train("--out", file.resolve("run").toString(), "--train-limit", "64", "--test-limit", "32"),
                ExitCode.USAGE, "--out", "cannot create the folder");
    }

    @Test
    void aFolderThatHoldsARunAlreadyIsNotOverwritten() throws IOException {
        Path run = Files.createDirectories(temp.resolve("earlier"));
        Files.writeString(run.resolve("run.json"), "{}");

        assertOneLine(train("--out", run.toString()), ExitCode.USAGE, "--out", "already holds a run");
        assertThat(run.resolve("run.json")).hasContent("{}");
    }

    @Test
    void aDatasetPathThatIsAFileIsAUsageMistake() throws IOException {
        Path file = Files.writeString(temp.resolve("data.idx"), "x");

        assertOneLine(train("--dataset", file.toString(), "--out", temp.resolve("run").toString()), ExitCode.USAGE,
                "--dataset", "is a file");
    }

    @Test
    void aCorruptDataFileIsOneLineNamingTheFileAndExitCodeOne() throws IOException {
        Path data = Files.createDirectories(temp.resolve("broken"));
        int images = 4;
        Files.write(data.resolve("train-images-idx3-ubyte"), idx(0x00000804, new int[] {images, 2, 2}, images * 4));
        Files.write(data.resolve("train-labels-idx1-ubyte"), idx(0x00000801, new int[] {images}, images));
        Files.write(data.resolve("t10k-images-idx3-ubyte"), idx(0x00000803, new int[] {images, 2, 2}, images * 4));
        Files.write(data.resolve("t10k-labels-idx1-ubyte"), idx(0x00000801, new int[] {images}, images));

        Bnn result = train("--dataset", data.toString(), "--out", temp.resolve("run").toString());

        assertOneLine(result, ExitCode.FAILURE, data.resolve("train-images-idx3-ubyte").toString(),
                "wrong magic number");
        assertThat(temp.resolve("run")).doesNotExist();
    }

    /** An IDX file: the magic number, the dimension sizes, then {@code values} zero bytes. */
    private static byte[] idx(int magic, int[] dimensions, int values) {
        var bytes = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * dimensions.length).putInt(magic);
        for (int d : dimensions) {
            header.putInt(d);
        }
        bytes.writeBytes(header.array());
        bytes.writeBytes(new byte[values]);
        return bytes.toByteArray();
    }
}
