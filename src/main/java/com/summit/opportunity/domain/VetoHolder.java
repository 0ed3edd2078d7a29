package com.summit.opportunity.domain;

import java.time.Instant;

/** A department of the customer that cannot say yes to the deal but can say no (否决权部门), and where it stands. */
public record VetoHolder(String department, Status status, String note, String changedBy, Instant changedAt) {

    /** The departments every opportunity starts with; reps may add others. */
    public static final java.util.List<String> DEFAULT_DEPARTMENTS = java.util.List.of("LEGAL", "FINANCE", "TECH");

    public enum Status {
        UNKNOWN,
        CONTACTED,
        CONCERNS,
        AGREED
    }
}
