package com.summit.search.service;

import com.summit.base.UserFacingException;
import com.summit.search.domain.OutboxRepository;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What admins see and do about search: the changes waiting, the documents set aside, retry, and a full rebuild. */
@Service
public class SearchAdministration {

    private static final Logger log = LoggerFactory.getLogger(SearchAdministration.class);
    private static final int LIST_LIMIT = 200;

    private final OutboxRepository outbox;
    private final SearchIndex index;
    private final Map<String, SearchDocumentSource> sources;
    private final TransactionTemplate transactions;

    SearchAdministration(OutboxRepository outbox, SearchIndex index, List<SearchDocumentSource> sources, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.index = index;
        this.sources = sources.stream().collect(Collectors.toMap(SearchDocumentSource::entityType, Function.identity()));
        this.transactions = transactions;
    }

    public record Overview(long pending, long setAside, List<OutboxRepository.SetAside> entries) {}

    public Overview overview(SummitUser user) {
        requireAdmin(user);
        return new Overview(outbox.pending(), outbox.countSetAside(), outbox.setAside(LIST_LIMIT));
    }

    /** Tries one set-aside document again now (all of them when {@code outboxId} is null); returns how many. */
    public int retryNow(Long outboxId, SummitUser user) {
        requireAdmin(user);
        return outbox.retryNow(outboxId);
    }

    /**
     * Rebuilds every index from PostgreSQL: each index is deleted and every record queued; the indexer fills them
     * again. Search finds less until it has caught up. Refused, with nothing changed, while Elasticsearch is down.
     */
    public int rebuild(SummitUser user) {
        requireAdmin(user);
        return rebuildAll();
    }

    /** The same rebuild, for the start-up option {@code --summit.search.rebuild}. */
    int rebuildAll() {
        try {
            for (SearchDocumentSource source : sources.values()) {
                index.drop(source);
            }
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException("search.unavailable");
        }
        Integer queued = transactions.execute(tx -> {
            outbox.deleteSetAside();
            int n = 0;
            for (SearchDocumentSource source : sources.values()) {
                for (long id : source.allIds()) {
                    outbox.add(source.entityType(), id);
                    n++;
                }
            }
            return n;
        });
        log.info("Search indexes rebuilt from PostgreSQL: {} records queued", queued);
        return queued == null ? 0 : queued;
    }

    private static void requireAdmin(SummitUser user) {
        if (!user.has(Role.ADMIN)) {
            throw new UserFacingException("operations.error.adminsOnly");
        }
    }
}
