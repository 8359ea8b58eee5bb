package org.bnnworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpDownloadTest {

    private final HttpDownload http = new HttpDownload(Duration.ofSeconds(2));

    @TempDir
    Path dir;

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void unreachableServerFailsQuicklyNamingDataSetUrlAndReason() throws IOException {
        URI url = URI.create("http://127.0.0.1:1/train-images-idx3-ubyte.gz");
        long start = System.nanoTime();
        assertThatThrownBy(() -> http.fetch("fashion-mnist", List.of(url), dir.resolve("t.gz"), DownloadProgress.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("could not download fashion-mnist from " + url + ": connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void downloadArrivesUnderItsNameWithProgressToTheEnd() throws IOException {
        byte[] body = new byte[200_000];
        body[199_999] = 42;
        List<long[]> updates = new ArrayList<>();
        try (var server = new LoopbackServer().serve("/d/f.gz", body)) {
            Path target = http.fetch("t", List.of(server.url("/d/f.gz")), dir.resolve("f.gz"),
                    (file, done, total) -> updates.add(new long[] {done, total}));
            assertThat(Files.readAllBytes(target)).isEqualTo(body);
        }
        assertThat(updates.get(updates.size() - 1)).containsExactly(200_000, 200_000);
        assertThat(filesIn(dir)).containsExactly(dir.resolve("f.gz"));
    }

    @Test
    void failingMirrorIsFollowedByTheNext() throws IOException {
        try (var server = new LoopbackServer().serve("/b/f.gz", new byte[] {1})) {
            http.fetch("t", List.of(server.url("/a/f.gz"), server.url("/b/f.gz")), dir.resolve("f.gz"),
                    DownloadProgress.NONE);
        }
        assertThat(Files.readAllBytes(dir.resolve("f.gz"))).containsExactly(1);
    }

    @Test
    void everyFailedMirrorIsNamedWithItsReason() {
        try (var server = new LoopbackServer()) {
            URI first = server.url("/a/f.gz");
            URI second = server.url("/b/f.gz");
            assertThatThrownBy(() -> http.fetch("t", List.of(first, second), dir.resolve("f.gz"),
                    DownloadProgress.NONE))
                    .isInstanceOf(DatasetException.class)
                    .hasMessage("could not download t from " + first + ": HTTP status 404; nor from " + second
                            + ": HTTP status 404");
        }
    }
}
