package com.summit.tasklist.service;

import com.summit.security.domain.SummitUser;
import java.util.Locale;
import java.util.Map;

/**
 * A feature that owns what starting one process means (for example, an opportunity is stored before its
 * lifecycle starts). Processes without one are started with the start form's values as variables.
 */
public interface ProcessStarter {

    String bpmnProcessId();

    /** What the start form shows besides its own defaults: options of dynamic selects ({@code valuesKey}). */
    Map<String, Object> formData(SummitUser user, Locale locale);

    /**
     * Starts the process with the values the form's schema has already accepted; refuses bad values with a
     * {@link com.summit.base.ValidationException} whose fields are the form's keys. Returns the instance key, or null
     * when the record was stored and its process starts later (the engine did not answer).
     */
    Long start(Map<String, Object> values, SummitUser user);
}
