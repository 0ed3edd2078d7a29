package com.summit.tasklist.service;

import com.summit.tasklist.domain.HumanTask;
import java.util.List;
import java.util.Locale;

/** A feature that knows the business behind a task (the customer, the opportunity) shows it beside the form. */
public interface TaskContextProvider {

    List<ContextItem> contextFor(HumanTask task, Locale locale);

    /**
     * Data the task's form opens with besides the process variables, read fresh each time (for example the
     * options of a dynamic select, {@code valuesKey}); the server checks submitted options against it too.
     * {@code variables}: the task's process variables, read once for every provider.
     */
    default java.util.Map<String, Object> formData(HumanTask task, java.util.Map<String, Object> variables, Locale locale) {
        return java.util.Map.of();
    }

    /** One line beside the form; {@code href}, where there is one, a page of the app the value links to. */
    record ContextItem(String label, String value, String href) {

        public ContextItem(String label, String value) {
            this(label, value, null);
        }
    }
}
