package com.summit.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
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
 * tries again on its next run. A document Elasticsearch rejects is set aside with its error and tried
 * again with a growing wait, while the others flow on. Requests do not force a refresh: the index
 * refreshes every second ({@link SearchIndex}), so a change is searchable within about two seconds.
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
            Integer count = transactions.execute(this::indexBatch);
            moved = count == null ? 0 : count;
        } while (moved == BATCH);
    }

    /** Errors that say nothing about the document: too busy (429), not ready (5xx), the index not there yet. */
    private static boolean transient_(BulkResponseItem item) {
        return item.status() == 429 || item.status() >= 500 || "index_not_found_exception".equals(item.error().type());
    }

    /**
     * Indexes one batch; returns how many entries it took from the outbox (indexed, or set aside when Elasticsearch
     * rejected their document), 0 when there was nothing or Elasticsearch could not be reached.
     */
    private int indexBatch(org.springframework.transaction.TransactionStatus tx) {
        List<OutboxRepository.Entry> entries = outbox.lockBatch(BATCH);
        if (entries.isEmpty()) {
            return 0;
        }
        // entries of one record share one operation: the record's current document
        Map<String, List<Long>> idsByKey = new java.util.LinkedHashMap<>();
        Map<String, OutboxRepository.Entry> firstByKey = new java.util.LinkedHashMap<>();
        for (OutboxRepository.Entry entry : entries) {
            String key = entry.entityType() + "/" + entry.entityId();
            idsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entry.id());
            firstByKey.putIfAbsent(key, entry);
        }
        List<Long> done = new ArrayList<>();
        try {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            List<String> operationKeys = new ArrayList<>();
            for (Map.Entry<String, OutboxRepository.Entry> e : firstByKey.entrySet()) {
                OutboxRepository.Entry entry = e.getValue();
                SearchDocumentSource source = sources.get(entry.entityType());
                if (source == null) {
                    done.addAll(idsByKey.get(e.getKey())); // nothing searchable of this type any more
                    continue;
                }
                index.ensure(source);
                String indexName = index.name(entry.entityType());
                String docId = Long.toString(entry.entityId());
                Optional<Map<String, Object>> document;
                // a savepoint: a failed read must not abort the batch's transaction (and with it the outbox)
                Object savepoint = tx.createSavepoint();
                try {
                    document = source.document(entry.entityId());
                    tx.releaseSavepoint(savepoint);
                } catch (RuntimeException unreadable) {
                    // one record that cannot be made into a document must not hold up the others
                    tx.rollbackToSavepoint(savepoint);
                    outbox.setAside(idsByKey.get(e.getKey()), "document: " + unreadable);
                    continue;
                }
                if (document.isPresent()) {
                    bulk.operations(op -> op.index(i -> i.index(indexName).id(docId).document(document.get())));
                } else {
                    bulk.operations(op -> op.delete(d -> d.index(indexName).id(docId)));
                }
                operationKeys.add(e.getKey());
            }
            int setAside = 0;
            if (!operationKeys.isEmpty()) {
                BulkResponse response = client.bulk(bulk.build());
                List<BulkResponseItem> items = response.items();
                for (int i = 0; i < items.size(); i++) {
                    BulkResponseItem item = items.get(i);
                    List<Long> ids = idsByKey.get(operationKeys.get(i));
                    boolean missingOnDelete = item.operationType() == co.elastic.clients.elasticsearch.core.bulk.OperationType.Delete
                            && item.status() == 404;
                    if (item.error() == null || missingOnDelete) {
                        done.addAll(ids);
                    } else if (transient_(item)) {
                        // Elasticsearch is busy, restarting, or lost the index: the entry stays due, nothing is set aside
                        if ("index_not_found_exception".equals(item.error().type())) {
                            index.forget();
                        }
                    } else {
                        outbox.setAside(ids, item.error().type() + ": " + item.error().reason());
                        setAside++;
                    }
                }
            }
            outbox.delete(done);
            status.reachable();
            if (setAside > 0) {
                log.warn("Elasticsearch rejected {} documents; they are set aside and tried again later (admins see them on /operations)",
                        setAside);
            }
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
