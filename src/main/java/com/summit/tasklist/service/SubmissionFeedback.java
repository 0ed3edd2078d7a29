package com.summit.tasklist.service;

import com.summit.security.domain.SummitUser;
import com.summit.tasklist.domain.HumanTask;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the person who just submitted a task should hear at once, besides "done": a feature that knows what the process
 * does next says it (a stage task that asked to advance hears whether the exit gate passed, and why not).
 */
public interface SubmissionFeedback {

    /** The feedback for this submission, if this feature has one; {@code since}: when the submission started. */
    Optional<String> feedback(HumanTask task, Map<String, Object> submitted, Instant since, SummitUser user, Locale locale);
}
