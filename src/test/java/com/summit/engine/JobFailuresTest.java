package com.summit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobFailuresTest {

    @Test
    void aServiceTaskWithThreeRetriesIsTriedThreeTimesThenBecomesAnIncident() {
        assertThat(JobFailures.retriesLeft(3, 0)).isEqualTo(2);
        assertThat(JobFailures.retriesLeft(2, 1)).isEqualTo(1);
        assertThat(JobFailures.retriesLeft(1, 2)).isZero();
    }

    @Test
    void aUserTasksJobThatTheEngineGivesOneAttemptIsStillTriedThreeTimes() {
        // the engine gives a user task's job a single retry: a passing fault must not make an incident at once
        assertThat(JobFailures.retriesLeft(1, 0)).isEqualTo(2);
        assertThat(JobFailures.retriesLeft(2, 1)).isEqualTo(1);
        assertThat(JobFailures.retriesLeft(1, 2)).isZero();
    }

    @Test
    void aJobWithManyRetriesKeepsItsOwnBudget() {
        assertThat(JobFailures.retriesLeft(10, 0)).isEqualTo(9);
        assertThat(JobFailures.retriesLeft(1, 9)).isZero();
    }
}
