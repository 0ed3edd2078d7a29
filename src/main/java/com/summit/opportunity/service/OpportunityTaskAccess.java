package com.summit.opportunity.service;

import com.summit.base.SqlCondition;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.tasklist.service.TaskSubjectAccess;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The inbox follows the deal's visibility: a task of a deal is seen by those who may see the deal. */
@Component
class OpportunityTaskAccess implements TaskSubjectAccess {

    private final OpportunityRepository opportunities;

    OpportunityTaskAccess(OpportunityRepository opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public boolean maySeeOpportunity(long opportunityId, SummitUser user) {
        return opportunities.isVisibleTo(opportunityId, user.username(), user.team(), user.has(Role.MANAGER), user.has(Role.ADMIN));
    }

    @Override
    public SqlCondition visibleOpportunities(String column, SummitUser user) {
        return opportunities.visibleIds(column, user.username(), user.team(), user.has(Role.MANAGER), user.has(Role.ADMIN));
    }

    @Override
    public Optional<String> ownerOf(long opportunityId) {
        return opportunities.findById(opportunityId).map(Opportunity::ownerUsername);
    }
}
