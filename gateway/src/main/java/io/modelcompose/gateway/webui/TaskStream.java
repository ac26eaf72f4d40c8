package io.modelcompose.gateway.webui;

import io.modelcompose.gateway.live.LiveView;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /ui/events}: the live task list as Server-Sent Events. First a {@code tasks} event with the most recent
 * runs, then, at most every {@value #FLUSH_MILLIS} ms, a {@code tasks} event with the runs that changed (only the
 * latest state of each), so that a burst of runs costs the page one update per flush. A client that cannot keep up
 * gets a {@code resync} event (the whole recent list again) instead of an ever-growing backlog.
 */
final class TaskStream {
    private static final Logger LOG = LoggerFactory.getLogger(TaskStream.class);
    static final long FLUSH_MILLIS = 250;
    private static final long KEEPALIVE_MILLIS = 15_000;
    private static final int RECENT = 200;
    private static final int MAX_PENDING = 1_000;
    private final Vertx vertx;
    private final LiveView live;

    TaskStream(Vertx vertx, LiveView live) {
        this.vertx = vertx;
        this.live = live;
    }

    void handle(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        Connection connection = new Connection(response);
        AutoCloseable subscription = live.onRunChange(connection::changed);
        connection.send("tasks", UiJson.tasks(live.recentRuns(RECENT)));
        long timer = vertx.setPeriodic(FLUSH_MILLIS, id -> connection.flush());
        connection.onEnd(() -> {
            vertx.cancelTimer(timer);
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing a task stream subscription: {}", e.toString());
            }
        });
        response.closeHandler(v -> connection.end());
        response.exceptionHandler(e -> connection.end());
        rc.request().connection().closeHandler(v -> connection.end());
    }

    /** One browser's stream: changes gathered from any thread, written on the server's event loop. */
    private final class Connection {
        private final HttpServerResponse response;
        private final Map<String, RunSnapshot> pending = new LinkedHashMap<>();
        private boolean overflowed;
        private long lastWriteMillis = System.currentTimeMillis();

        Connection(HttpServerResponse response) {
            this.response = response;
        }

        synchronized void changed(RunSnapshot snapshot) {
            if (overflowed) {
                return;
            }
            pending.put(snapshot.runId(), snapshot);
            if (pending.size() > MAX_PENDING) {
                pending.clear();
                overflowed = true;
            }
        }

        private Runnable cleanup = () -> { };

        void onEnd(Runnable action) {
            cleanup = action;
        }

        /** The browser went away: stop the timer and the subscription (once, whoever notices first). */
        void end() {
            Runnable action = cleanup;
            cleanup = () -> { };
            action.run();
        }

        void flush() {
            if (response.closed()) {
                end();
                return;
            }
            if (response.writeQueueFull()) {
                return;
            }
            JsonArray changes;
            boolean resync;
            synchronized (this) {
                resync = overflowed;
                overflowed = false;
                changes = resync ? null : UiJson.tasks(java.util.List.copyOf(pending.values()));
                pending.clear();
            }
            if (resync) {
                send("resync", UiJson.tasks(live.recentRuns(RECENT)));
            } else if (!changes.isEmpty()) {
                send("tasks", changes);
            } else if (System.currentTimeMillis() - lastWriteMillis > KEEPALIVE_MILLIS) {
                response.write(": keep-alive\n\n");
                lastWriteMillis = System.currentTimeMillis();
            }
        }

        void send(String event, JsonArray data) {
            response.write("event: " + event + "\ndata: " + data.encode() + "\n\n");
            lastWriteMillis = System.currentTimeMillis();
        }
    }
}
