package com.summit.opportunity.service;

import com.summit.customer.domain.CustomerTier;
import com.summit.opportunity.domain.Opportunity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything an opportunity's page shows, for one user in one language. */
public record OpportunityPage(Opportunity opportunity, CustomerTier tier, String ownerName, String team, long daysInStage,
        ScorecardService.Scorecard scorecard, List<Entry> timeline, Optional<Diagram> diagram, boolean mayChange,
        List<com.summit.opportunity.domain.OpportunityRepository.Member> members, java.util.Map<String, String> names,
        List<OpenTask> openTasks) {

    /**
     * A task of the deal that is open now: its step, who holds it (a person, or the departments it is offered to), when
     * it is due, and whether the reader may open it.
     */
    public record OpenTask(long id, String name, String holder, java.time.Instant dueAt, boolean mayOpen) {}

    /** One line of the timeline: stage changes, level changes and verdicts, tasks, comments. */
    public record Entry(Instant at, Kind kind, String text) {}

    public enum Kind {
        CREATED,
        STAGE,
        SCORE,
        VERDICT,
        TASK,
        COMMENT,
        APPROVAL,
        FOLLOW_UP,
        GATE
    }

    /** The process diagram the opportunity runs, with its current steps. */
    public record Diagram(String xml, List<String> activeElementIds) {}
}
