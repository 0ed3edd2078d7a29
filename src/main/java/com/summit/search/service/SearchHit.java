package com.summit.search.service;

import java.util.Map;

/** One search result: which record, and its indexed fields. */
public record SearchHit(String entityType, long id, Map<String, Object> fields) {}
