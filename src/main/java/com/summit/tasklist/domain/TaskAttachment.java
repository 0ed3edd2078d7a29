package com.summit.tasklist.domain;

import java.time.Instant;

/** A file attached to a task of a process instance (its content is read separately). */
public record TaskAttachment(long id, long taskId, String taskName, String fileName, String contentType, long sizeBytes,
        String sha256, String uploadedBy, Instant uploadedAt) {}
