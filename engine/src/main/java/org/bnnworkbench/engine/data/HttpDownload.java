package org.bnnworkbench.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches one file over HTTP(S), trying mirrors in order, into a temporary file beside the target that is renamed
 * into place atomically once complete: a cut connection leaves no partial file under the real name for a later
 * search to find.
 */
final class HttpDownload {

    private final HttpClient client;
    private final Duration connectTimeout;

    HttpDownload(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Downloads the first of {@code urls} that answers into {@code target}.
     *
     * @throws DatasetException "could not download {dataset} from {url}: {reason}", one clause per URL tried
     */
    Path fetch(String dataset, List<URI> urls, Path target, DownloadProgress progress) {
        List<String> failures = new ArrayList<>();
        for (URI url : urls) {
            try {
                fetchOne(url, target, progress);
                return target;
            } catch (IOException e) {
                failures.add(url + ": " + reason(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatasetException("download of " + dataset + " from " + url + " was interrupted");
            }
        }
        throw new DatasetException("could not download " + dataset + " from " + String.join("; nor from ", failures));
    }

    private void fetchOne(URI url, Path target, DownloadProgress progress) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url)
                .header("User-Agent", "bnn-workbench")
                .timeout(Duration.ofMinutes(1)) // until the headers arrive; the body may take longer
                .GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP status " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path part = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".", ".part");
            try {
                copy(body, part, target.getFileName().toString(), total, progress);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }

    private static void copy(InputStream body, Path part, String name, long total, DownloadProgress progress)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[1 << 16];
            long done = 0;
            progress.update(name, 0, total);
            for (int n; (n = body.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                done += n;
                progress.update(name, done, total);
            }
            if (total >= 0 && done != total) {
                throw new IOException("connection closed after " + done + " of " + total + " bytes");
            }
        }
    }

    /** A person's words for why a connection failed; the JDK's exceptions often carry no message at all. */
    private String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host (no network or no DNS?)";
            }
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + connectTimeout.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "the server did not answer in time";
        }
        if (e instanceof ConnectException) {
            return "connection refused or network unreachable" + (e.getMessage() != null ? " (" + e.getMessage()
                    + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
