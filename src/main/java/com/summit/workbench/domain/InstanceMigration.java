package com.summit.workbench.domain;

import java.time.Instant;
import java.util.Map;

/** One run of moving instances from one version of a process to another, with the mapping the engine was given. */
public record InstanceMigration(long id, String resourceName, String bpmnProcessId, int sourceVersion, int targetVersion,
        Map<String, String> mapping, String filter, boolean dryRun, State state, String startedBy, Instant startedAt,
        Instant finishedAt, int total, int migrated, int refused) {

    public enum State { RUNNING, FINISHED, INTERRUPTED }

    public int pending() {
        return total - migrated - refused;
    }

    /** One chosen instance: waiting, moved (with how many of its tasks moved), or refused with the engine's reason. */
    public record Item(long processInstanceKey, Long opportunityId, Outcome outcome, String reason, int tasksMoved, Instant at) {}

    public enum Outcome { PENDING, MIGRATED, REFUSED }
}
