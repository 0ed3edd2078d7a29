package com.summit.tasklist.domain;

import java.time.Instant;

public record TaskComment(long id, long taskId, String author, String body, Instant at) {}
