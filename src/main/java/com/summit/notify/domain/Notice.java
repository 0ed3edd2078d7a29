package com.summit.notify.domain;

import java.time.Instant;

/** One notification as a person reads it, in their language. */
public record Notice(long id, String kind, String text, String link, Instant createdAt, boolean read) {}
