package com.summit.tasklist.service;

import com.summit.security.domain.SummitUser;
import com.summit.tasklist.domain.HumanTask;
import java.util.Map;

/**
 * A feature's own rule for submitting some of its tasks, checked after the form's schema and before the engine
 * hears of it: throw a {@link com.summit.base.UserFacingException} (or a ValidationException naming fields) to refuse.
 */
public interface TaskSubmissionCheck {

    boolean appliesTo(HumanTask task);

    void check(HumanTask task, SummitUser user, Map<String, Object> values, Map<String, Object> taskVariables);
}
