package io.modelcompose.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartitionFeedsTest {
    private static final TopicPartition P0 = new TopicPartition("jobs", 0);
    private static final TopicPartition P1 = new TopicPartition("jobs", 1);
    private final List<String> handed = new ArrayList<>();
    private final PartitionFeeds feeds = new PartitionFeeds(() -> handed.add("first held"));
    private boolean room = true;

    @BeforeEach
    void assign() {
        feeds.assigned(P0, 10, new PartitionProgress());
        feeds.assigned(P1, 0, new PartitionProgress());
    }

    private boolean local(TopicPartition tp, long offset) {
        return feeds.local(tp, offset, () -> room, progress -> handed.add("local " + tp.partition() + "@" + offset));
    }

    private boolean fetched(TopicPartition tp, long offset) {
        return feeds.fetched(tp, offset, () -> handed.add("fetched " + tp.partition() + "@" + offset));
    }

    @Test
    void aLocalRecordIsHandedOverOnceAndItsFetchedCopySkipped() {
        assertThat(local(P0, 10)).isTrue();
        assertThat(fetched(P0, 10)).isFalse();
        assertThat(fetched(P0, 11)).isTrue();
        assertThat(local(P0, 11)).isFalse();
        assertThat(handed).containsExactly("local 0@10", "fetched 0@11");
    }

    @Test
    void aLocalRecordThatIsNotNextIsLeftToTheFetch() {
        assertThat(local(P0, 11)).isFalse();
        assertThat(fetched(P0, 10)).isTrue();
        assertThat(fetched(P0, 11)).isTrue();
        assertThat(handed).containsExactly("fetched 0@10", "fetched 0@11");
    }

    @Test
    void withoutRoomLocalRecordsAreHeldAndLaterOnesQueueBehindThemInOrder() {
        room = false;
        assertThat(local(P0, 10)).isTrue();
        room = true;
        // room again, but a record is held: the next ones, local or fetched, may not pass it
        assertThat(local(P1, 0)).isTrue();
        assertThat(fetched(P0, 10)).isFalse();
        assertThat(fetched(P0, 11)).isTrue();
        assertThat(handed).containsExactly("first held"); // once, for the first
        assertThat(feeds.holding()).isTrue();

        feeds.release(() -> room);

        assertThat(handed).containsExactly("first held", "local 0@10", "local 1@0", "fetched 0@11");
        assertThat(feeds.holding()).isFalse();
    }

    @Test
    void releaseStopsAsSoonAsThereIsNoRoom() {
        room = false;
        local(P0, 10);
        local(P0, 11);
        List<Boolean> answers = new ArrayList<>(List.of(true, false));
        feeds.release(() -> answers.remove(0));
        assertThat(handed).containsExactly("first held", "local 0@10");
        assertThat(feeds.holding()).isTrue();
    }

    @Test
    void pastTheLimitARecordIsLeftToTheFetchAndStillComesInOrder() {
        room = false;
        for (int i = 0; i < PartitionFeeds.MAX_HELD; i++) {
            assertThat(local(P1, i)).isTrue();
        }
        assertThat(local(P1, PartitionFeeds.MAX_HELD)).isFalse();
        assertThat(fetched(P1, PartitionFeeds.MAX_HELD)).isTrue(); // held behind the others

        room = true;
        feeds.release(() -> room);

        assertThat(handed).hasSize(PartitionFeeds.MAX_HELD + 2).startsWith("first held", "local 1@0")
                .endsWith("local 1@" + (PartitionFeeds.MAX_HELD - 1), "fetched 1@" + PartitionFeeds.MAX_HELD);
    }

    @Test
    void heldRecordsOfARevokedPartitionAreDroppedForItsNextReader() {
        room = false;
        local(P0, 10);
        local(P1, 0);
        feeds.revoked(P0);
        room = true;
        feeds.release(() -> room);
        assertThat(handed).containsExactly("first held", "local 1@0");
    }

    @Test
    void nothingIsHandedOverAfterClear() {
        room = false;
        local(P0, 10);
        feeds.clear();
        room = true;
        feeds.release(() -> room);
        assertThat(local(P0, 11)).isFalse();
        assertThat(handed).containsExactly("first held");
        assertThat(feeds.holding()).isFalse();
    }
}
