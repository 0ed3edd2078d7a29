package com.summit.search.service;

import com.summit.search.domain.OutboxRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Features call this inside their own transaction: the change and its outbox entry commit together. */
@Service
public class SearchOutbox {

    private final OutboxRepository outbox;

    SearchOutbox(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(String entityType, long id) {
        outbox.add(entityType, id);
    }

    public long pending() {
        return outbox.pending();
    }
}
