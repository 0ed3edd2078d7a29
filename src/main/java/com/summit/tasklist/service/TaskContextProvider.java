package com.summit.tasklist.service;

import com.summit.tasklist.domain.HumanTask;
import java.util.List;
import java.util.Locale;

/** A feature that knows the business behind a task (the customer, the opportunity) shows it beside the form. */
public interface TaskContextProvider {

    List<ContextItem> contextFor(HumanTask task, Locale locale);

    record ContextItem(String label, String value) {}
}
