package io.modelcompose.shared.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The roles of one JVM share one Kafka producer per cluster, closed with its last handle. */
class EventProducerSharingTest {
    // Nothing listens there: creating and closing a producer does not connect.
    private static final String CLUSTER = "127.0.0.1:1";

    @Test
    void handlesOnOneClusterShareAProducerUntilTheLastOneCloses() {
        int before = EventProducer.sharedProducers();
        EventProducer gateway = EventProducer.shared(CLUSTER, "gateway");
        EventProducer worker = EventProducer.shared(CLUSTER, "worker");
        EventProducer own = new EventProducer(CLUSTER, "own");

        assertThat(gateway.sharesProducerWith(worker)).isTrue();
        assertThat(own.sharesProducerWith(gateway)).isFalse();
        assertThat(EventProducer.sharedProducers()).isEqualTo(before + 1);

        gateway.close();
        gateway.close(); // a second close of the same handle must not release the producer under the worker
        assertThat(EventProducer.sharedProducers()).isEqualTo(before + 1);

        worker.close();
        own.close();
        assertThat(EventProducer.sharedProducers()).isEqualTo(before);
    }

    @Test
    void anotherClusterGetsAnotherProducer() {
        EventProducer first = EventProducer.shared(CLUSTER, "a");
        EventProducer second = EventProducer.shared("127.0.0.1:2", "b");
        try {
            assertThat(first.sharesProducerWith(second)).isFalse();
        } finally {
            first.close();
            second.close();
        }
    }
}
