package com.summit.notify.domain;

import java.time.Instant;
import java.util.List;

/**
 * One message on its way out of the app: an email to one person, or a post to one robot (with the people it mentions).
 * It waits in the outbox until sent, retried with backoff; a failure keeps the channel's answer.
 */
public record Delivery(long id, Channel channel, Long robotId, String recipient, String address, NoticeEvent event, String subject, String body,
        List<String> mentions, State state, int attempts, Instant nextAttemptAt, String lastError, String lastResponse, Instant createdAt,
        Instant sentAt) {

    public Delivery {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    public enum State {
        PENDING,
        SENT,
        FAILED
    }
}
