package io.modelcompose.cli.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcompose.transport.metrics.MeterRegistries;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/**
 * The one meter registry of a process: a Prometheus registry with JVM metrics, handed to every role and to Vert.x
 * (HTTP server and client, worker pools; labels method, code and route, never the raw path). Metrics can be turned
 * off with {@code COMPOSE_METRICS=off}: the roles then get a registry that keeps nothing and Vert.x runs without its
 * metrics SPI.
 */
public final class Telemetry implements AutoCloseable {
    /** The environment variable that turns metrics off ({@code off}, {@code false}, {@code 0} or {@code no}). */
    public static final String SWITCH_ENV = "COMPOSE_METRICS";
    private static final Set<String> OFF = Set.of("off", "false", "0", "no");
    /** The Kafka consumer meters kept (of ~70 per consumer): lag, throughput, poll and commit health. */
    private static final List<String> KAFKA_KEPT = List.of("kafka.consumer.fetch.manager.records.",
            "kafka.consumer.fetch.manager.fetch.latency", "kafka.consumer.coordinator.commit.latency",
            "kafka.consumer.coordinator.rebalance", "kafka.consumer.last.poll.seconds.ago",
            "kafka.consumer.time.between.poll", "kafka.consumer.poll.idle.ratio");

    private final PrometheusMeterRegistry prometheus;
    private final MeterRegistry registry;
    private final JvmGcMetrics gc;
    private final String vertxRegistryName = "compose-" + UUID.randomUUID();

    private Telemetry(PrometheusMeterRegistry prometheus) {
        this.prometheus = prometheus;
        this.registry = prometheus != null ? prometheus : MeterRegistries.noop();
        this.gc = prometheus != null ? new JvmGcMetrics() : null;
        if (prometheus != null) {
            prometheus.config().meterFilter(MeterFilter.deny(Telemetry::unwantedKafkaMeter));
            quietDoubleRegistrationWarning();
            new JvmMemoryMetrics().bindTo(prometheus);
            gc.bindTo(prometheus);
            new JvmThreadMetrics().bindTo(prometheus);
            new ProcessorMetrics().bindTo(prometheus);
        }
    }

    /** A Prometheus registry with JVM metrics. */
    public static Telemetry on() {
        return new Telemetry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** No metrics at all. */
    public static Telemetry off() {
        return new Telemetry(null);
    }

    /** On unless {@value #SWITCH_ENV} says off in {@code env}. */
    public static Telemetry fromEnv(Map<String, String> env) {
        return enabledBy(env) ? on() : off();
    }

    /** False when {@value #SWITCH_ENV} is {@code off}, {@code false}, {@code 0} or {@code no}. */
    public static boolean enabledBy(Map<String, String> env) {
        String value = env.get(SWITCH_ENV);
        return value == null || !OFF.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    public boolean enabled() {
        return prometheus != null;
    }

    /** The registry roles publish to (one that keeps nothing when off). */
    public MeterRegistry registry() {
        return registry;
    }

    /** The registry {@code /metrics} renders, or null when off. */
    public PrometheusMeterRegistry prometheus() {
        return prometheus;
    }

    /** A Vert.x instance whose HTTP and pool metrics go to this registry (plain Vert.x when off). */
    public Vertx createVertx(VertxOptions options) {
        if (prometheus == null) {
            return Vertx.vertx(options);
        }
        return Vertx.builder().with(new VertxOptions(options).setMetricsOptions(vertxMetricsOptions()))
                .withMetrics(new MicrometerMetricsFactory(prometheus)).build();
    }

    private MicrometerMetricsOptions vertxMetricsOptions() {
        return new MicrometerMetricsOptions().setEnabled(true)
                // Vert.x keeps registries by name for the whole JVM: one name per registry keeps them apart.
                .setRegistryName(vertxRegistryName)
                .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE,
                        Label.POOL_NAME))
                .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
                .addDisabledMetricsCategory(MetricsDomain.DATAGRAM_SOCKET)
                .addDisabledMetricsCategory(MetricsDomain.NET_CLIENT)
                .addDisabledMetricsCategory(MetricsDomain.NET_SERVER)
                .addDisabledMetricsCategory(MetricsDomain.VERTICLES);
    }

    static boolean unwantedKafkaMeter(Meter.Id id) {
        String name = id.getName();
        return name.startsWith("kafka.") && KAFKA_KEPT.stream().noneMatch(name::startsWith);
    }

    /**
     * Vert.x registers its HTTP gauges again for each request by design (the values live in its own map), which
     * Micrometer reports once as a warning that would only puzzle users.
     */
    private static void quietDoubleRegistrationWarning() {
        if (LoggerFactory.getLogger(MeterRegistry.class) instanceof ch.qos.logback.classic.Logger logback
                && logback.getLevel() == null) {
            logback.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    /** Stops the JVM binders and closes the registry; call after Vert.x is closed. */
    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}
