package com.summit.workbench.domain;

import java.time.Instant;

/**
 * A request to deploy one proposal of a model file, as one deployment: approved by a second process owner or an admin
 * where the model asks for four eyes, then deployed by a process owner.
 */
public record ChangeRequest(long id, String resourceName, long proposalId, Long baseVersionId, Kind kind, String requestedBy,
        Instant requestedAt, String comment, String versionTag, boolean fourEyes, boolean warningsAcknowledged, State state,
        String decidedBy, Instant decidedAt, String decisionNote, Long deployedVersionId, String lastFailure) {

    /** A change made in the workbench, or a previous version's content deployed again. */
    public enum Kind { CHANGE, ROLLBACK }

    public enum State {
        /** Waits for the second person's decision. */
        REQUESTED,
        /** May be deployed. */
        APPROVED,
        REJECTED,
        DEPLOYED,
        /** Taken back by its author before it was deployed. */
        WITHDRAWN;

        public boolean open() {
            return this == REQUESTED || this == APPROVED;
        }
    }
}
