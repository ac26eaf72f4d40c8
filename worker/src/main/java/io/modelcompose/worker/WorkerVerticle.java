package io.modelcompose.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.EventCodec;
import io.modelcompose.shared.event.JobEvents.JobCancelRequested;
import io.modelcompose.shared.event.JobEvents.JobDispatched;
import io.modelcompose.shared.event.JobEvents.JobFinished;
import io.modelcompose.shared.event.JobEvents.JobHeartbeat;
import io.modelcompose.shared.event.ResultSources;
import io.modelcompose.shared.event.ServiceHeartbeat;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.metrics.MeterRegistries;
import io.modelcompose.transport.ConsumerLoop;
import io.modelcompose.transport.EventProducer;
import io.modelcompose.transport.KafkaSettings;
import io.modelcompose.transport.RecordPosition;
import io.modelcompose.transport.TopicAdmin;
import io.modelcompose.worker.queue.KafkaRemoteRuns;
import io.modelcompose.worker.component.OutputLimit;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker role: takes job dispatches from its consumer group, runs them with the component executors, publishes
 * the result, and only then lets the consumer commit the dispatch's offset. Extends the lease of each running job
 * with periodic heartbeats (one at once for a job picked up late in its lease) and stops a job when the scheduler
 * asks. A dispatch read too late in its lease, or after the scheduler asked that attempt to stop, is skipped
 * ({@link DispatchAdmission}): the scheduler has given up on that attempt and dispatches another. A job stopped
 * because the worker is stopping reports nothing, so that it is run again elsewhere rather than failed.
 */
public final class WorkerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerVerticle.class);
    private final int maxResultBytes;
    private final ComposeConfig config;
    private final WorkerOptions options;
    private final Map<AttemptId, Running> running = new HashMap<>();
    private final DispatchAdmission admission;
    private final AtomicInteger executed = new AtomicInteger();
    private final MeterRegistry registry;
    private WorkerMetrics metrics;
    private WorkerExecutor admin;
    private EventProducer producer;
    private JobExecutor executor;
    private KafkaRemoteRuns remoteRuns;
    private ConsumerLoop jobsLoop;
    private ConsumerLoop controlLoop;
    private volatile boolean stopping;

    private record Running(JobDispatched job, JobExecutor.Execution execution) {
    }

    /** A worker without metrics. */
    public WorkerVerticle(ComposeConfig config, WorkerOptions options) {
        this(config, options, MeterRegistries.noop());
    }

    /** A worker publishing its meters (jobs in flight, job durations, consumer lag) to {@code registry}. */
    public WorkerVerticle(ComposeConfig config, WorkerOptions options, MeterRegistry registry) {
        this.config = config;
        this.options = options;
        this.registry = registry;
        this.maxResultBytes = OutputLimit.of(config.env());
        this.admission = DispatchAdmission.forHeartbeat(options.heartbeatMillis());
    }

    @Override
    public Future<?> start() {
        KafkaSettings kafka = options.kafka();
        Topics topics = kafka.topics();
        admin = vertx.createSharedWorkerExecutor("compose-worker-admin", 2);
        remoteRuns = new KafkaRemoteRuns(vertx, kafka);
        executor = new JobExecutor(vertx, config, options.projectDir(), options.maxProcesses(), remoteRuns);
        metrics = new WorkerMetrics(registry, executor::knows);
        return admin.executeBlocking(() -> {
            TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics);
            EventProducer created = kafka.sharedProducer("worker-" + kafka.instanceId());
            created.warmUp(List.of(topics.runs(), topics.leases(), topics.heartbeats(), topics.deadLetter()));
            return created;
        }).compose(p -> {
            producer = p;
            controlLoop = kafka.consumer("worker-control-" + kafka.instanceId())
                    .assignAll(List.of(topics.jobControl()), false)
                    .deadLetters(producer, topics.deadLetter())
                    .meterRegistry(metrics.clientRegistry())
                    .handler(this::onControl)
                    .build().start();
            // Take jobs only once cancel requests are followed: one written before that would be missed.
            return Future.fromCompletionStage(controlLoop.positioned(), context);
        }).map(v -> {
            jobsLoop = kafka.consumer("worker-jobs-" + kafka.instanceId())
                    .subscribe(topics.workersGroup(), List.of(topics.jobs()))
                    .maxInFlight(options.maxConcurrentJobs())
                    .deadLetters(producer, topics.deadLetter())
                    .meterRegistry(metrics.clientRegistry())
                    .handler(this::onDispatch)
                    .build().start();
            vertx.setPeriodic(options.heartbeatMillis(), id -> heartbeatJobs());
            vertx.setPeriodic(0, 2_000, id -> producer.send(topics.heartbeats(),
                    new ServiceHeartbeat("worker", kafka.instanceId(), true, System.currentTimeMillis())));
            return null;
        });
    }

    /** Jobs this worker has finished executing (successfully or not). */
    public int executedCount() {
        return executed.get();
    }

    private CompletionStage<?> onDispatch(ComposeEvent event, RecordPosition position) {
        if (!(event instanceof JobDispatched job)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> published = new CompletableFuture<>();
        context.runOnContext(v -> {
            if (admitted(job)) {
                run(job, published);
            } else {
                published.complete(null);
            }
        });
        return published;
    }

    /** On the context, so that a cancel read before the dispatch is known. */
    private boolean admitted(JobDispatched job) {
        DispatchAdmission.Verdict verdict = admission.judge(job.attemptId(), job.leaseDeadlineMillis(),
                System.currentTimeMillis());
        if (verdict != DispatchAdmission.Verdict.RUN) {
            LOG.info("[run {}] [job {}] skipping attempt {}: {}", job.runId(), job.jobKey(), job.attempt(),
                    verdict == DispatchAdmission.Verdict.CANCELLED ? "the scheduler asked it to stop"
                            : "too little of its lease was left when it was picked up");
        }
        return verdict == DispatchAdmission.Verdict.RUN;
    }

    private void run(JobDispatched job, CompletableFuture<Void> published) {
        long startedAt = System.currentTimeMillis();
        execute(job).onComplete(ar -> {
            if (ar.failed() && stopping) {
                // Left uncommitted: another worker reads the dispatch again, or its lease expires.
                LOG.info("[run {}] [job {}] attempt {} stopped with the worker; it will run again elsewhere",
                        job.runId(), job.jobKey(), job.attempt());
                return;
            }
            JobFinished result = ar.succeeded()
                    ? new JobFinished(1, job.runId(), job.jobKey(), job.attempt(), options.kafka().instanceId(), true,
                            ar.result().output(), ResultSources.compact(ar.result().output(), ar.result().sources()),
                            null, startedAt)
                    : failed(job, message(ar.cause()), startedAt);
            byte[] record = EventCodec.encode(result);
            if (record.length > maxResultBytes) {
                result = failed(job, tooLarge(record.length), startedAt);
                record = EventCodec.encode(result);
            }
            if (!result.succeeded()) {
                LOG.warn("[run {}] [job {}] attempt {} failed: {}", job.runId(), job.jobKey(), job.attempt(),
                        result.error());
            }
            executed.incrementAndGet();
            publish(job, result, record, published);
        });
    }

    /**
     * Sends the result; one the broker refuses as too large (its limit may be below ours) is replaced by a failure
     * that says so, so that the dispatch is committed instead of run again and again.
     */
    private void publish(JobDispatched job, JobFinished result, byte[] record, CompletableFuture<Void> published) {
        String topic = options.kafka().topics().runs();
        producer.sendRaw(topic, result.key(), record).whenComplete((ok, error) -> {
            if (error == null) {
                published.complete(null);
            } else if (unwrap(error) instanceof RecordTooLargeException && result.succeeded()) {
                JobFinished failure = failed(job, tooLarge(record.length), result.startedAtMillis());
                LOG.warn("[run {}] [job {}] attempt {} failed: {}", job.runId(), job.jobKey(), job.attempt(),
                        failure.error());
                publish(job, failure, EventCodec.encode(failure), published);
            } else {
                LOG.error("[run {}] cannot publish the result of job {}: {}", job.runId(), job.jobKey(),
                        error.toString());
                published.completeExceptionally(error);
            }
        });
    }

    private JobFinished failed(JobDispatched job, String error, long startedAt) {
        return new JobFinished(1, job.runId(), job.jobKey(), job.attempt(), options.kafka().instanceId(), false, null,
                null, error, startedAt);
    }

    private String tooLarge(int bytes) {
        return OutputLimit.tooLarge("result", bytes, maxResultBytes).getMessage();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }

    private Future<JobExecutor.Outcome> execute(JobDispatched job) {
        AttemptId key = job.attemptId();
        WorkerMetrics.Sample sample = metrics.jobStarted(job.componentRef());
        long now = System.currentTimeMillis();
        if (job.leaseDeadlineMillis() > 0 && job.leaseDeadlineMillis() - now < 2 * options.heartbeatMillis()) {
            heartbeat(job, now); // the lease could lapse before the first periodic heartbeat
        }
        JobExecutor.Execution execution = executor.start(new JobExecutor.Attempt(key, job.componentRef(),
                job.actionId(), job.input(), job.context(), job.timeoutMillis()));
        running.put(key, new Running(job, execution));
        return execution.outcome().andThen(ar -> {
            running.remove(key);
            metrics.jobEnded(sample, ar.succeeded() ? WorkerMetrics.Outcome.COMPLETED
                    : execution.isCancelled() ? WorkerMetrics.Outcome.CANCELLED : WorkerMetrics.Outcome.FAILED);
        });
    }

    private CompletionStage<?> onControl(ComposeEvent event, RecordPosition position) {
        if (event instanceof JobCancelRequested c) {
            context.runOnContext(v -> {
                Running job = running.get(c.attemptId());
                if (job != null) {
                    job.execution().cancel();
                } else {
                    admission.cancelled(c.attemptId());
                }
            });
        }
        return CompletableFuture.completedFuture(null);
    }

    private void heartbeatJobs() {
        long now = System.currentTimeMillis();
        for (Running r : running.values()) {
            heartbeat(r.job(), now);
        }
    }

    private void heartbeat(JobDispatched job, long now) {
        producer.send(options.kafka().topics().leases(), new JobHeartbeat(1, job.runId(), job.jobKey(),
                job.attempt(), options.kafka().instanceId(), now));
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        return admin.executeBlocking(() -> {
            if (jobsLoop != null) {
                jobsLoop.close();
            }
            if (controlLoop != null) {
                controlLoop.close();
            }
            running.values().forEach(r -> r.execution().cancel());
            executor.close();
            remoteRuns.close();
            if (producer != null) {
                producer.close();
            }
            metrics.close();
            return null;
        }).eventually(() -> admin.close());
    }
}
