package com.summit.followup.domain;

/** The channel a follow-up went through (METHODOLOGY §5). */
public enum FollowUpChannel {
    VISIT,
    CALL,
    EMAIL,
    WECOM,
    DINGTALK,
    MEETING;

    public String messageKey() {
        return "followup.channel." + name();
    }
}
