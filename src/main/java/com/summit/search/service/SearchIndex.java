package com.summit.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** One index per entity type, created on first use with the configured analyzer for Chinese text. */
@Component
class SearchIndex {

    private final ElasticsearchClient client;
    private final String prefix;
    private final String analyzer;
    private final Map<String, Boolean> ensured = new ConcurrentHashMap<>();

    SearchIndex(ElasticsearchClient client, @Value("${summit.search.index-prefix:summit}") String prefix,
            @Value("${summit.search.analyzer:standard}") String analyzer) {
        this.client = client;
        this.prefix = prefix;
        this.analyzer = analyzer;
    }

    String name(String entityType) {
        return prefix + "-" + entityType;
    }

    void ensure(SearchDocumentSource source) throws IOException {
        String index = name(source.entityType());
        if (ensured.containsKey(index)) {
            return;
        }
        if (!client.indices().exists(e -> e.index(index)).value()) {
            TypeMapping.Builder mapping = new TypeMapping.Builder();
            for (String field : source.textFields()) {
                mapping.properties(field, Property.of(p -> p.text(t -> t.analyzer(analyzer))));
            }
            mapping.properties("owner", Property.of(p -> p.keyword(k -> k)));
            try {
                // an explicit refresh interval: an idle index otherwise skips its refreshes until the next search
                client.indices().create(c -> c.index(index).mappings(mapping.build())
                        .settings(st -> st.refreshInterval(t -> t.time("1s"))));
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        ensured.put(index, true);
    }

    /** Deletes the type's index (a rebuild creates it again from PostgreSQL). */
    void drop(SearchDocumentSource source) throws IOException {
        String index = name(source.entityType());
        ensured.remove(index);
        if (client.indices().exists(e -> e.index(index)).value()) {
            client.indices().delete(d -> d.index(index));
        }
    }

    /** Forget what was ensured, e.g. after Elasticsearch was unreachable (it may have been reset). */
    void forget() {
        ensured.clear();
    }
}
