package com.summit.tasklist.service;

import com.summit.tasklist.domain.HumanTask;
import java.util.List;

/**
 * What the task page shows: the task, its form (localized form-js schema), the data to prefill, the business context,
 * and form-js's own texts in the reader's language.
 */
public record TaskDetails(HumanTask task, String name, String formSchemaJson, String formDataJson, List<TaskContextProvider.ContextItem> context,
        boolean hasDraft, String formStringsJson, boolean formUnknown) {}
