package com.summit.search.service;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Whether Elasticsearch answered the last time it was asked. */
@Component
class SearchStatus {

    private static final Logger log = LoggerFactory.getLogger(SearchStatus.class);
    private final AtomicReference<Instant> downSince = new AtomicReference<>();

    void reachable() {
        Instant was = downSince.getAndSet(null);
        if (was != null) {
            log.info("Elasticsearch is reachable again (down since {}); the outbox is catching up", was);
        }
    }

    /** Records a failure; true the first time, so that an outage is logged once. */
    boolean unreachable(Exception e) {
        return downSince.compareAndSet(null, Instant.now());
    }
}
