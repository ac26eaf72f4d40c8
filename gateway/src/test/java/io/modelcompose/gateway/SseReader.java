package io.modelcompose.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads a Server-Sent Events answer over real HTTP as it comes: every event in order, and when the answer ended. */
public final class SseReader {
    /** One event: its name ({@code message} when unnamed) and its data lines joined. */
    public record Event(String name, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Promise<Void> ended = Promise.promise();
    private final StringBuilder pending = new StringBuilder();
    private volatile HttpClientResponse response;
    private volatile HttpClient client;

    private SseReader() {
    }

    /** Sends the request ({@code body} null for a GET) and reads its answer as events. */
    public static Future<SseReader> open(Vertx vertx, int port, HttpMethod method, String path, String body) {
        SseReader reader = new SseReader();
        HttpClient client = vertx.createHttpClient();
        reader.client = client;
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
                .setURI(path);
        return client.request(options).compose(request -> {
            if (body != null) {
                request.putHeader("Content-Type", "application/json");
                return request.send(Buffer.buffer(body));
            }
            return request.send();
        }).map(response -> {
            reader.response = response;
            response.handler(reader::received);
            response.endHandler(v -> reader.ended.tryComplete());
            response.exceptionHandler(e -> reader.ended.tryComplete());
            return reader;
        });
    }

    private synchronized void received(Buffer buffer) {
        pending.append(buffer.toString());
        int split;
        while ((split = pending.indexOf("\n\n")) >= 0) {
            String block = pending.substring(0, split);
            pending.delete(0, split + 2);
            parse(block);
        }
    }

    private void parse(String block) {
        String name = "message";
        StringBuilder data = null;
        for (String line : block.split("\n", -1)) {
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        if (data != null) {
            events.add(new Event(name, data.toString()));
        }
    }

    public HttpClientResponse response() {
        return response;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The data of the unnamed events (the chunks), in order. */
    public List<String> chunks() {
        return events.stream().filter(e -> e.name().equals("message")).map(Event::data).toList();
    }

    public boolean hasEnded() {
        return ended.future().isComplete();
    }

    /** Goes away in the middle of the answer. */
    public void disconnect() {
        client.close();
    }
}
