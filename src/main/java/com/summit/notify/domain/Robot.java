package com.summit.notify.domain;

import java.time.Instant;
import java.util.Set;

/** A team's group robot: a WeCom group robot (webhook key) or a DingTalk custom robot (access token and signing secret). */
public record Robot(long id, Channel kind, String name, String token, String secret, Set<NoticeEvent> events, boolean enabled,
        String createdBy, Instant createdAt) {

    public Robot {
        events = Set.copyOf(events);
    }
}
