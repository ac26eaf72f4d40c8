package io.modelcompose.transport;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics at start (blocking admin calls: run it on a worker executor, never on an event loop). */
public final class TopicAdmin {
    private static final long TIMEOUT_SECONDS = 30;

    private TopicAdmin() {
    }

    /** Creates every missing topic with its partition count and cleanup policy. */
    public static void ensureTopics(String bootstrapServers, Topics topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : wanted(topics)) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic);
                }
            }
            if (!missing.isEmpty()) {
                createAll(admin, missing);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComposeException(ErrorCode.UNAVAILABLE, "interrupted while creating topics");
        } catch (ExecutionException | TimeoutException e) {
            throw new ComposeException(ErrorCode.UNAVAILABLE, "cannot reach Kafka at " + bootstrapServers + ": "
                    + rootMessage(e));
        }
    }

    private static void createAll(Admin admin, List<NewTopic> missing)
            throws InterruptedException, TimeoutException, ExecutionException {
        try {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    static List<NewTopic> wanted(Topics topics) {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.SEGMENT_MS_CONFIG, "600000", TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1");
        Map<String, String> shortLived = Map.of(TopicConfig.RETENTION_MS_CONFIG, "3600000");
        return List.of(
                topic(topics.runs(), topics.runPartitions(), Map.of()),
                topic(topics.jobs(), topics.jobPartitions(), Map.of()),
                topic(topics.leases(), topics.runPartitions(), shortLived),
                topic(topics.jobControl(), 1, shortLived),
                topic(topics.chunks(), topics.runPartitions(), shortLived),
                topic(topics.runEvents(), topics.runPartitions(), Map.of()),
                topic(topics.runState(), topics.runPartitions(), compacted),
                topic(topics.schedulerLock(), 1, Map.of()),
                topic(topics.heartbeats(), 1, shortLived),
                topic(topics.deadLetter(), 1, Map.of()),
                topic(topics.agentCommands(), 1, shortLived),
                topic(topics.agentEvents(), 1, Map.of()));
    }

    private static NewTopic topic(String name, int partitions, Map<String, String> configs) {
        return new NewTopic(name, partitions, (short) 1).configs(configs);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
