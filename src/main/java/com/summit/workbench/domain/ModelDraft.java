package com.summit.workbench.domain;

import java.time.Instant;

/**
 * A process owner's draft of a model file: theirs alone until they propose it. {@code baseVersionId} is the deployed
 * version it started from (null for a new file); {@code revision} counts its saves.
 */
public record ModelDraft(long id, String resourceName, String author, Long baseVersionId, String content, int revision, Instant createdAt,
        Instant updatedAt) {}
