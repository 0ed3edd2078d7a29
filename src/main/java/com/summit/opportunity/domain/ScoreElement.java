package com.summit.opportunity.domain;

/** The five elements of the key-account scorecard 大客户开发五要素; their ladders are data (scorecard_checkpoint). */
public enum ScoreElement {
    NEED,
    POWER,
    GOALS,
    VALUE,
    COLLABORATION;

    public static final int MAX_LEVEL = 6;

    /** The name of this element's level among the stage gate's facts (DMN {@code stage-gate}). */
    public String factName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
