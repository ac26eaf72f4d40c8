package io.modelcompose.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.AttemptId;
import org.junit.jupiter.api.Test;

class LeaseTableTest {
    private static final AttemptId UNREAD = new AttemptId("r1", "work", 1);
    private static final AttemptId RUNNING = new AttemptId("r2", "work", 1);

    @Test
    void anExpiryTellsWhetherAWorkerHadHeartbeatedForTheAttempt() {
        LeaseTable leases = new LeaseTable();
        leases.grant(UNREAD, 1_000);
        leases.grant(RUNNING, 1_000);
        leases.extend(RUNNING, 2_000);

        assertThat(leases.expire(1_500)).containsExactly(new LeaseTable.Expiry(UNREAD, false));
        assertThat(leases.expire(2_500)).containsExactly(new LeaseTable.Expiry(RUNNING, true));
        assertThat(leases.size()).isZero();
    }

    @Test
    void aHeartbeatForAnAttemptWithoutALeaseIsNotRemembered() {
        LeaseTable leases = new LeaseTable();
        leases.extend(UNREAD, 2_000);
        leases.grant(UNREAD, 1_000);

        assertThat(leases.expire(1_500)).containsExactly(new LeaseTable.Expiry(UNREAD, false));
    }
}
