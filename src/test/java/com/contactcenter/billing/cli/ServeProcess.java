package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** What the tests that run {@code serve} as a process of the jar share: a port, its health, its API. */
final class ServeProcess {

    private ServeProcess() {}

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A GET of the process's API with an account's Basic credentials. */
    static HttpResponse<String> get(HttpClient http, int port, String path, String account, String password)
            throws IOException, InterruptedException {
        return http.send(
                request(port, path)
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (account + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
    }

    /** Waits up to {@code patience} for the process to answer its health check; its log says why it did not. */
    static void awaitHealthy(HttpClient http, int port, Process p, Path log, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            assertThat(p.isAlive()).as(Files.readString(log)).isTrue();
            assertThat(Instant.now()).as(Files.readString(log)).isBefore(deadline);
            try {
                // health answers everyone: no credentials, so none are refused and throttled
                if (http.send(request(port, "/actuator/health").build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
    }
}
