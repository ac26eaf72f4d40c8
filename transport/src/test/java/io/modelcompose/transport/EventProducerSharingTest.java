package io.modelcompose.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The roles of one process share its clients' Kafka producer per cluster, closed with its last handle. */
class EventProducerSharingTest {
    // Nothing listens there: creating and closing a producer does not connect.
    private static final String CLUSTER = "127.0.0.1:1";

    @Test
    void handlesOnOneClusterShareAProducerUntilTheLastOneCloses() {
        KafkaClients clients = KafkaClients.create();
        int before = clients.sharedProducers();
        EventProducer gateway = clients.sharedProducer(CLUSTER, "gateway");
        EventProducer worker = clients.sharedProducer(CLUSTER, "worker");
        EventProducer own = clients.ownProducer(CLUSTER, "own");

        assertThat(gateway.sharesProducerWith(worker)).isTrue();
        assertThat(own.sharesProducerWith(gateway)).isFalse();
        assertThat(clients.sharedProducers()).isEqualTo(before + 1);

        gateway.close();
        gateway.close(); // a second close of the same handle must not release the producer under the worker
        assertThat(clients.sharedProducers()).isEqualTo(before + 1);

        worker.close();
        own.close();
        assertThat(clients.sharedProducers()).isEqualTo(before);
    }

    @Test
    void anotherClusterGetsAnotherProducer() {
        KafkaClients clients = KafkaClients.create();
        EventProducer first = clients.sharedProducer(CLUSTER, "a");
        EventProducer second = clients.sharedProducer("127.0.0.1:2", "b");
        try {
            assertThat(first.sharesProducerWith(second)).isFalse();
        } finally {
            first.close();
            second.close();
        }
    }
}
