package com.summit.tasklist.service;

import com.summit.base.SqlCondition;
import com.summit.security.domain.SummitUser;
import java.util.Optional;

/**
 * The deal a task belongs to decides who may see the task beyond its assignee and the reviewers of the
 * department it is offered to. The opportunity feature implements this, so the inbox follows the deal's
 * visibility without knowing its rules.
 */
public interface TaskSubjectAccess {

    /** Whether the user may see the deal. */
    boolean maySeeOpportunity(long opportunityId, SummitUser user);

    /**
     * A condition over an opportunity id column ({@code column}, e.g. {@code human_task.opportunity_id}) that holds
     * for the deals the user may see; its parameter names start with {@code vis_}.
     */
    SqlCondition visibleOpportunities(String column, SummitUser user);

    /** The deal's owner. */
    Optional<String> ownerOf(long opportunityId);
}
