package io.modelcompose.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads a Server-Sent Events answer over loopback as it arrives, on a thread of its own: every event with the moment
 * it was read ({@link System#nanoTime()}), the answer's headers, and whether it has ended.
 */
final class SseClient implements AutoCloseable {
    /** One event: its name ({@code message} when unnamed), its data, when it was read. */
    record Event(String name, String data, long readAtNanos) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** POSTs {@code body} (or GETs when null) and reads the answer as events. */
    static SseClient open(int port, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120));
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            return new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name, data.toString(), System.nanoTime()));
                    }
                    name = "message";
                    data = null;
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(line.startsWith("data: ") ? 6 : 5);
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (IOException e) {
            // the answer was cut off (or closed by the test)
        } finally {
            ended = true;
        }
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    String taskId() {
        return response.headers().firstValue("X-Task-Id").orElse(null);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** The data of the unnamed events (the chunks), in order. */
    List<String> chunks() {
        return events.stream().filter(e -> e.name().equals("message")).map(Event::data).toList();
    }

    List<String> names() {
        return events.stream().map(Event::name).toList();
    }

    boolean hasEnded() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
