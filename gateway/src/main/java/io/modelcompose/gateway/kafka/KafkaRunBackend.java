package io.modelcompose.gateway.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcompose.gateway.live.LiveSource;
import io.modelcompose.gateway.live.LiveView;
import io.modelcompose.gateway.metrics.GatewayMetrics;
import io.modelcompose.gateway.run.FinishedRunLimits;
import io.modelcompose.gateway.run.ResumeCheck;
import io.modelcompose.gateway.run.RunBackend;
import io.modelcompose.gateway.run.RunSubmission;
import io.modelcompose.gateway.stream.ChunkBook;
import io.modelcompose.gateway.stream.ChunkLimits;
import io.modelcompose.gateway.stream.ChunkSource;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.RunEvents.RunCancelRequested;
import io.modelcompose.shared.event.RunEvents.RunResumeRequested;
import io.modelcompose.shared.event.RunEvents.RunKeyClaimed;
import io.modelcompose.shared.event.RunEvents.RunRequested;
import io.modelcompose.shared.event.RunEvents.RunState;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.ServiceHeartbeat;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.metrics.MeterRegistries;
import io.modelcompose.transport.ClientDefaults;
import io.modelcompose.transport.ConsumerLoop;
import io.modelcompose.transport.EventProducer;
import io.modelcompose.transport.KafkaSettings;
import io.modelcompose.transport.RecordPosition;
import io.modelcompose.transport.TopicAdmin;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@link RunBackend} over Kafka: a submission is a {@code RunRequested} record on the runs topic; run states come
 * back on the compacted run-state topic, which every gateway reads in full, so any gateway answers for any run.
 */
public final class KafkaRunBackend implements RunBackend, LiveSource, ChunkSource, AutoCloseable {
    private static final long SCHEDULER_STALE_MILLIS = 8_000;
    private static final long WORKER_STALE_MILLIS = 10_000;
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LOOKUP_CACHE = Duration.ofSeconds(5);
    private final Vertx vertx;
    private final KafkaSettings kafka;
    private final long maxPendingRuns;
    private final FinishedRunLimits finishedLimits;
    private final RunStateView view;
    private final KeyClaims claims = new KeyClaims();
    private RunStateLookup lookup;
    private final Map<String, ServiceHeartbeat> services = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private GatewayMetrics metrics;
    private WorkerExecutor admin;
    private EventProducer producer;
    private ConsumerLoop stateLoop;
    private ConsumerLoop heartbeatLoop;
    private Admin adminClient;
    private KafkaLiveView live;
    private KafkaChunks chunks;

    /** A backend without metrics. */
    public KafkaRunBackend(Vertx vertx, KafkaSettings kafka, long maxPendingRuns, FinishedRunLimits finishedLimits) {
        this(vertx, kafka, maxPendingRuns, finishedLimits, MeterRegistries.noop());
    }

    /** A backend publishing the live worker count and its consumers' lag to {@code registry}. */
    public KafkaRunBackend(Vertx vertx, KafkaSettings kafka, long maxPendingRuns, FinishedRunLimits finishedLimits,
            MeterRegistry registry) {
        this.registry = registry;
        this.vertx = vertx;
        this.kafka = kafka;
        this.maxPendingRuns = maxPendingRuns;
        this.finishedLimits = finishedLimits;
        this.view = new RunStateView(finishedLimits);
    }

    /** Creates topics if needed and starts reading run states and heartbeats. */
    public Future<Void> start() {
        admin = vertx.createSharedWorkerExecutor("compose-gateway-admin", 2);
        metrics = new GatewayMetrics(registry, () -> liveCount("worker", WORKER_STALE_MILLIS, false));
        Topics topics = kafka.topics();
        return admin.executeBlocking(() -> {
            TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics);
            Map<String, Object> props = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    3_000, AdminClientConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, ClientDefaults.CONNECTIONS_MAX_IDLE_MS);
            adminClient = Admin.create(props);
            EventProducer created = kafka.sharedProducer("gateway-" + kafka.instanceId());
            created.warmUp(List.of(topics.runs(), topics.deadLetter()));
            return created;
        }).map(p -> {
            producer = p;
            stateLoop = kafka.consumer("gateway-state-" + kafka.instanceId())
                    .assignAll(List.of(topics.runState()), true)
                    .deadLetters(producer, topics.deadLetter())
                    .meterRegistry(metrics.clientRegistry())
                    .handler(this::onState).build().start();
            heartbeatLoop = kafka.consumer("gateway-heartbeats-" + kafka.instanceId())
                    .assignAll(List.of(topics.heartbeats()), false)
                    .deadLetters(producer, topics.deadLetter())
                    .meterRegistry(metrics.clientRegistry())
                    .handler(this::onHeartbeat).build().start();
            chunks = new KafkaChunks(vertx, kafka, producer, view, ChunkLimits.defaults(), adminClient);
            lookup = new RunStateLookup(kafka.bootstrapServers(), topics.runState(),
                    "gateway-lookup-" + kafka.instanceId(), LOOKUP_TIMEOUT, LOOKUP_CACHE);
            vertx.setPeriodic(60_000, id -> {
                long cutoff = System.currentTimeMillis() - finishedLimits.retention().toMillis();
                view.evictFinishedBefore(cutoff);
                claims.evictBefore(cutoff);
            });
            return null;
        });
    }

    private CompletionStage<?> onState(ComposeEvent event, RecordPosition position) {
        if (event instanceof RunState state) {
            if (state.snapshot() == null || state.snapshot().runId() == null || state.snapshot().status() == null) {
                // a BAD_REQUEST failure sends the record to the dead-letter topic with this reason
                return CompletableFuture.failedFuture(new ComposeException(ErrorCode.BAD_REQUEST,
                        "RunState without a snapshot (or without its run id or status)"));
            }
            view.update(state.snapshot());
        } else if (event instanceof RunKeyClaimed claim
                && claim.claimedAtMillis() >= System.currentTimeMillis() - finishedLimits.retention().toMillis()) {
            claims.taken(claim.runId(), claim.requestFingerprint(), claim.claimedAtMillis());
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletionStage<?> onHeartbeat(ComposeEvent event, RecordPosition position) {
        if (event instanceof ServiceHeartbeat beat) {
            services.put(beat.role() + "/" + beat.instanceId(), beat);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Future<RunSnapshot> submit(RunSubmission s) {
        long now = System.currentTimeMillis();
        boolean newClaim;
        try {
            newClaim = s.claim() != null && claims.take(s.runId(), s.claim(), now);
        } catch (ComposeException refused) {
            return Future.failedFuture(refused);
        }
        RunSnapshot known = view.get(s.runId());
        if (known != null) {
            return Future.succeededFuture(known);
        }
        if (RunIdTimes.fromIdempotencyKey(s.runId())) {
            // a repeated key may name a run this gateway no longer holds
            return readBack(s.runId()).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
                    : request(s, newClaim, now));
        }
        return request(s, newClaim, now);
    }

    private Future<RunSnapshot> request(RunSubmission s, boolean newClaim, long now) {
        if (maxPendingRuns > 0 && view.pendingCount() >= maxPendingRuns) {
            if (newClaim) {
                claims.release(s.runId(), s.claim());
            }
            return Future.failedFuture(new ComposeException(ErrorCode.QUEUE_FULL,
                    "the run queue is full (" + maxPendingRuns + " runs waiting); try again later"));
        }
        RunSnapshot pending = RunSnapshot.pending(s.runId(), s.workflowId(), s.metadata(), now);
        RunRequested request = new RunRequested(s.runId(), s.workflowId(), s.input(), s.metadata(), now);
        return claimWritten(s, newClaim, now)
                .compose(ok -> Future.fromCompletionStage(producer.send(kafka.topics().runs(), request)))
                .recover(e -> Future.failedFuture(e instanceof ComposeException ? e
                        : new ComposeException(ErrorCode.UNAVAILABLE, "cannot reach Kafka: " + e.getMessage())))
                .map(ok -> view.putIfAbsent(pending));
    }

    /** Writes a new key claim to the run-state topic before the run is requested (released if that fails). */
    private Future<?> claimWritten(RunSubmission s, boolean newClaim, long now) {
        if (!newClaim) {
            return Future.succeededFuture();
        }
        RunKeyClaimed claim = new RunKeyClaimed(s.runId(), s.claim().fingerprint(), now);
        return Future.fromCompletionStage(producer.send(kafka.topics().runState(), claim)).onFailure(e ->
                claims.release(s.runId(), s.claim())).recover(e -> Future.failedFuture(new ComposeException(
                        ErrorCode.UNAVAILABLE, "cannot reach Kafka: " + e.getMessage())));
    }

    @Override
    public Future<RunSnapshot> awaitTerminal(String runId) {
        if (view.get(runId) != null) {
            return view.awaitTerminal(runId);
        }
        return readBack(runId).compose(found -> found.isPresent() && found.get().status().isTerminal()
                ? Future.succeededFuture(found.get()) : view.awaitTerminal(runId));
    }

    @Override
    public Future<RunSnapshot> awaitSettled(String runId) {
        if (view.get(runId) != null) {
            return view.awaitSettled(runId);
        }
        return readBack(runId).compose(found -> found.isPresent() && found.get().status().endsWait()
                ? Future.succeededFuture(found.get()) : view.awaitSettled(runId));
    }

    @Override
    public Future<RunSnapshot> resume(String runId, String jobId, Object answer) {
        return known(runId).compose(snapshot -> {
            ComposeException refused = ResumeCheck.refusal(snapshot, jobId);
            if (refused != null) {
                return Future.failedFuture(refused);
            }
            RunSnapshot going = snapshot.interruptedAt(null);
            return Future.fromCompletionStage(producer.send(kafka.topics().runs(),
                            new RunResumeRequested(runId, jobId, answer, System.currentTimeMillis())))
                    .recover(e -> Future.failedFuture(new ComposeException(ErrorCode.UNAVAILABLE,
                            "cannot reach Kafka: " + e.getMessage())))
                    .map(ok -> {
                        view.update(going); // a wait that follows does not stop at the answered interrupt
                        return going;
                    });
        });
    }

    @Override
    public Future<RunSnapshot> get(String runId) {
        return known(runId);
    }

    /** The run as held here or, when it is not, as read back from the run-state topic; NOT_FOUND when neither. */
    private Future<RunSnapshot> known(String runId) {
        RunSnapshot snapshot = view.get(runId);
        if (snapshot != null) {
            return Future.succeededFuture(snapshot);
        }
        return readBack(runId).compose(found -> {
            RunSnapshot now = view.get(runId); // it may have arrived meanwhile
            RunSnapshot answer = now != null ? now : found.orElse(null);
            return answer != null ? Future.succeededFuture(answer)
                    : Future.failedFuture(new ComposeException(ErrorCode.NOT_FOUND, "Task '" + runId + "' not found."));
        });
    }

    private Future<java.util.Optional<RunSnapshot>> readBack(String runId) {
        return Future.fromCompletionStage(lookup.find(runId));
    }

    /** Finished runs held in memory now (the rest are read back from Kafka when asked for). */
    public int finishedRunsHeld() {
        return view.finishedHeld();
    }

    @Override
    public Future<RunSnapshot> cancel(String runId) {
        return known(runId).compose(this::cancelKnown);
    }

    private Future<RunSnapshot> cancelKnown(RunSnapshot snapshot) {
        String runId = snapshot.runId();
        if (snapshot.status().isTerminal()) {
            return Future.failedFuture(new ComposeException(ErrorCode.CONFLICT,
                    "Task '" + runId + "' has already finished: " + snapshot.status().wireName()));
        }
        return Future.fromCompletionStage(producer.send(kafka.topics().runs(),
                        new RunCancelRequested(runId, System.currentTimeMillis())))
                .compose(ok -> view.awaitTerminal(runId));
    }

    @Override
    public Map<String, Supplier<Future<JsonObject>>> readinessChecks() {
        Map<String, Supplier<Future<JsonObject>>> checks = new LinkedHashMap<>();
        checks.put("kafka", () -> admin.executeBlocking(() -> {
            var cluster = adminClient.describeCluster();
            int nodes = cluster.nodes().get().size();
            return new JsonObject().put("clusterId", cluster.clusterId().get()).put("nodes", nodes);
        }));
        checks.put("scheduler", () -> fresh("scheduler", SCHEDULER_STALE_MILLIS, true));
        checks.put("workers", () -> fresh("worker", WORKER_STALE_MILLIS, false));
        return checks;
    }

    private Future<JsonObject> fresh(String role, long staleMillis, boolean activeOnly) {
        long alive = liveCount(role, staleMillis, activeOnly);
        return alive > 0 ? Future.succeededFuture(new JsonObject().put("instances", alive))
                : Future.failedFuture(new ComposeException(ErrorCode.UNAVAILABLE,
                        "no " + (activeOnly ? "active " : "") + role + " heartbeat in the last "
                                + staleMillis / 1000 + " s"));
    }

    /** Instances of {@code role} whose last heartbeat is younger than {@code staleMillis}. */
    private long liveCount(String role, long staleMillis, boolean activeOnly) {
        long cutoff = System.currentTimeMillis() - staleMillis;
        return services.values().stream()
                .filter(b -> b.role().equals(role) && b.atMillis() >= cutoff && (!activeOnly || b.active())).count();
    }

    /** Starts the web UI's view of runs and job attempts (once; after {@link #start()}). */
    @Override
    public synchronized Future<LiveView> startLive() {
        if (live == null) {
            live = new KafkaLiveView(view, services, kafka, producer);
        }
        return Future.succeededFuture(live);
    }

    /** The chunks of streaming runs as this gateway reads them (after {@link #start()}). */
    @Override
    public ChunkBook chunks() {
        return chunks == null ? ChunkBook.empty() : chunks.book();
    }

    @Override
    public void close() {
        if (chunks != null) {
            chunks.close();
        }
        synchronized (this) {
            if (live != null) {
                live.close();
            }
        }
        if (metrics != null) {
            metrics.close();
        }
        if (stateLoop != null) {
            stateLoop.close();
        }
        if (heartbeatLoop != null) {
            heartbeatLoop.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (adminClient != null) {
            adminClient.close(Duration.ofSeconds(2));
        }
        if (lookup != null) {
            lookup.close();
        }
        if (admin != null) {
            admin.close();
        }
    }
}
