package com.summit.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Free-text search over the derived read model in Elasticsearch. */
@Service
public class SearchService {

    private final ElasticsearchClient client;
    private final SearchIndex index;
    private final Map<String, SearchDocumentSource> sources;
    private final SearchOutbox outbox;
    private final SearchStatus status;

    SearchService(ElasticsearchClient client, SearchIndex index, List<SearchDocumentSource> sources, SearchOutbox outbox,
            SearchStatus status) {
        this.client = client;
        this.index = index;
        this.sources = sources.stream().collect(Collectors.toMap(SearchDocumentSource::entityType, Function.identity()));
        this.outbox = outbox;
        this.status = status;
    }

    /**
     * Finds records of one type whose text fields contain the words as a phrase (so a Chinese word
     * matches its characters in order); {@code owner} limits the hits to one owner's records, null for all.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<SearchHit> search(String entityType, String text, String owner, int limit) {
        SearchDocumentSource source = sources.get(entityType);
        if (source == null || text == null || text.isBlank()) {
            return List.of();
        }
        Query match = Query.of(q -> q.multiMatch(m -> m.query(text.strip()).fields(source.textFields()).type(TextQueryType.Phrase)));
        Query query = owner == null ? match
                : Query.of(q -> q.bool(b -> b.must(match).filter(f -> f.term(t -> t.field("owner").value(owner)))));
        try {
            index.ensure(source);
            SearchResponse<Map> response = client.search(s -> s.index(index.name(entityType)).query(query).size(limit), Map.class);
            status.reachable();
            return response.hits().hits().stream()
                    .map(h -> new SearchHit(entityType, Long.parseLong(h.id()), h.source() == null ? Map.of() : (Map<String, Object>) h.source()))
                    .toList();
        } catch (IOException | RuntimeException e) {
            status.unreachable(e);
            index.forget();
            throw new SearchUnavailableException(e);
        }
    }

    public long pendingChanges() {
        return outbox.pending();
    }

}
