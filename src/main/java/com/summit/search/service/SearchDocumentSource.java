package com.summit.search.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A feature whose records are searchable: it names its entity type, reads the current document of a
 * record from PostgreSQL (the system of record), and lists every id so the index can be rebuilt.
 */
public interface SearchDocumentSource {

    String entityType();

    /** The document to index, or empty when the record no longer exists (the document is then deleted). */
    Optional<Map<String, Object>> document(long id);

    List<Long> allIds();

    /** Fields matched by free text, e.g. name and description. */
    List<String> textFields();
}
