package com.summit.workbench.domain;

import java.time.Instant;

/** One thing done to the models: who, what, when, on which file, version and request; never edited. */
public record AuditEntry(long id, Instant at, String actor, Action action, String resourceName, Long versionId, Long requestId,
        String detail) {

    public enum Action {
        DRAFT_SAVED, DRAFT_DISCARDED, CHECKED, PROPOSED, APPROVED, REJECTED, WITHDRAWN, DEPLOYED, DEPLOY_REFUSED, ROLLBACK_PROPOSED,
        SETTING_CHANGED, TRANSLATED, MIGRATED
    }
}
