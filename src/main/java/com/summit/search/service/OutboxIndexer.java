package com.summit.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.summit.search.domain.OutboxRepository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves changes from the outbox table into Elasticsearch. An entry leaves the outbox only after
 * Elasticsearch has taken it, so an outage delays search but loses nothing: the indexer simply
 * tries again on its next run.
 */
@Component
class OutboxIndexer {

    private static final Logger log = LoggerFactory.getLogger(OutboxIndexer.class);
    private static final int BATCH = 200;

    private final OutboxRepository outbox;
    private final ElasticsearchClient client;
    private final SearchIndex index;
    private final Map<String, SearchDocumentSource> sources;
    private final TransactionTemplate transactions;
    private final SearchStatus status;

    OutboxIndexer(OutboxRepository outbox, ElasticsearchClient client, SearchIndex index, List<SearchDocumentSource> sources,
            TransactionTemplate transactions, SearchStatus status) {
        this.outbox = outbox;
        this.client = client;
        this.index = index;
        this.sources = sources.stream().collect(Collectors.toMap(SearchDocumentSource::entityType, Function.identity()));
        this.transactions = transactions;
        this.status = status;
    }

    @Scheduled(fixedDelayString = "${summit.search.outbox-poll-interval:1s}", initialDelayString = "2s")
    void drain() {
        int moved;
        do {
            Integer count = transactions.execute(tx -> indexBatch());
            moved = count == null ? 0 : count;
        } while (moved == BATCH);
    }

    /** Indexes one batch; returns how many entries it moved, 0 when there was nothing or Elasticsearch failed. */
    private int indexBatch() {
        List<OutboxRepository.Entry> entries = outbox.lockBatch(BATCH);
        if (entries.isEmpty()) {
            return 0;
        }
        List<Long> ids = entries.stream().map(OutboxRepository.Entry::id).toList();
        try {
            BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
            List<String> seen = new ArrayList<>();
            for (OutboxRepository.Entry entry : entries) {
                SearchDocumentSource source = sources.get(entry.entityType());
                String key = entry.entityType() + "/" + entry.entityId();
                if (source == null || seen.contains(key)) {
                    continue;
                }
                seen.add(key);
                index.ensure(source);
                String indexName = index.name(entry.entityType());
                String docId = Long.toString(entry.entityId());
                Optional<Map<String, Object>> document = source.document(entry.entityId());
                if (document.isPresent()) {
                    bulk.operations(op -> op.index(i -> i.index(indexName).id(docId).document(document.get())));
                } else {
                    bulk.operations(op -> op.delete(d -> d.index(indexName).id(docId)));
                }
            }
            if (!seen.isEmpty()) {
                BulkResponse response = client.bulk(bulk.build());
                if (response.errors()) {
                    String reason = response.items().stream().filter(i -> i.error() != null)
                            .map(i -> i.error().reason()).findFirst().orElse("bulk errors");
                    throw new IOException(reason);
                }
            }
            outbox.delete(ids);
            status.reachable();
            return entries.size();
        } catch (IOException | RuntimeException e) {
            if (status.unreachable(e)) {
                log.warn("Elasticsearch is unreachable; {} changes wait in the outbox: {}", outbox.pending(), e.getMessage());
            }
            index.forget();
            return 0;
        }
    }
}
