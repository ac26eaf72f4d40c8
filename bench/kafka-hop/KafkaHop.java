import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under every hop of a run: one record sent (acks=all, no linger) until a reader polling the topic has it,
 * one at a time, with the same client settings as the service set. Usage: java KafkaHop.java BOOTSTRAP [N]
 */
public class KafkaHop {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        String topic = "bench-hop-" + System.currentTimeMillis();
        try (Admin admin = Admin.create(props(bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Properties producerProps = props(bootstrap);
        producerProps.put("acks", "all");
        producerProps.put("linger.ms", "0");
        Properties consumerProps = props(bootstrap);
        consumerProps.put("fetch.max.wait.ms", "500");
        try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
                var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "key", "value-" + i));
                while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                    // until the record arrives
                }
                nanos[i] = System.nanoTime() - start;
            }
            // the last fifth: after the JIT has compiled the client code
            long[] warm = Arrays.copyOfRange(nanos, n - n / 5, n);
            Arrays.sort(warm);
            System.out.printf("one hop (send until polled), %d warm samples: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms%n",
                    warm.length, ms(warm, 0.50), ms(warm, 0.90), ms(warm, 0.99));
        }
    }

    private static Properties props(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        return props;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))] / 1e6;
    }
}
