package com.summit.tasklist.domain;

import java.time.LocalDate;

/**
 * What the inbox shows: which tasks (scope), narrowed by filters, in which order. Stored as JSON for
 * saved filters, so every field is optional.
 */
public record TaskQuery(
        Scope scope,
        String bpmnProcessId,
        String stage,
        String customer,
        /** A {@code CustomerTier} name: the tier of the task's customer (through its opportunity, or a customerId variable). */
        String customerTier,
        Due due,
        LocalDate followUpBefore,
        Integer minPriority,
        String candidateGroup,
        String text,
        Sort sort) {

    /**
     * The customer tiers the filter offers, highest first: the codes of the customer table's tier column. The task list
     * names them itself, so that the customer feature can show its own tasks' data on the task page.
     */
    public static final java.util.List<String> CUSTOMER_TIERS = java.util.List.of("STRATEGIC", "IMPORTANT", "ORDINARY");

    public enum Scope {
        /** Assigned to me, or unassigned and offered to me or my groups. */
        INBOX,
        MINE,
        CLAIMABLE,
        /** Every open task (managers). */
        ALL,
        /** Completed by me. */
        DONE
    }

    public enum Due {
        OVERDUE,
        TODAY,
        THIS_WEEK,
        NONE
    }

    public enum Sort {
        DUE,
        PRIORITY,
        CREATED
    }

    public static TaskQuery inbox() {
        return new TaskQuery(Scope.INBOX, null, null, null, null, null, null, null, null, null, Sort.DUE);
    }

    public TaskQuery withScope(Scope newScope) {
        return new TaskQuery(newScope, bpmnProcessId, stage, customer, customerTier, due, followUpBefore, minPriority, candidateGroup, text, sort);
    }

    public Scope scopeOrDefault() {
        return scope == null ? Scope.INBOX : scope;
    }

    public Sort sortOrDefault() {
        return sort == null ? Sort.DUE : sort;
    }
}
