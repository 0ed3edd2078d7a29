package com.summit.notify.domain;

import java.util.Set;

/**
 * The events people choose to hear, each on the channels they pick; a notification's kind says which event it is.
 * By default every event rings the bell, and the ones that ask for action also come by email.
 */
public enum NoticeEvent {
    STAGE_CHANGED(false, "STAGE_CHANGED"),
    GATE_REFUSED(false, "GATE_REFUSED"),
    APPROVAL(true, "APPROVAL_DECIDED", "VETOED", "REVIEW_OVERDUE", "REVIEW_ESCALATED"),
    STALLED(true, "OPPORTUNITY_STALLED"),
    WON_OR_LOST(true, "OPPORTUNITY_WON", "OPPORTUNITY_LOST"),
    FOLLOW_UP_OVERDUE(true, "FOLLOW_UP_DUE", "FOLLOW_UP_OVERDUE"),
    TASK_ASSIGNED(false, "TASK_ASSIGNED"),
    MENTIONED(true, "MENTIONED"),
    OTHER(false);

    private final boolean emailByDefault;
    private final Set<String> kinds;

    NoticeEvent(boolean emailByDefault, String... kinds) {
        this.emailByDefault = emailByDefault;
        this.kinds = Set.of(kinds);
    }

    public static NoticeEvent of(String kind) {
        for (NoticeEvent e : values()) {
            if (e.kinds.contains(kind)) {
                return e;
            }
        }
        return OTHER;
    }

    /** Whether a user who chose nothing hears it on the channel. */
    public boolean byDefault(Channel channel) {
        return switch (channel) {
            case IN_APP -> true;
            case EMAIL -> emailByDefault;
            case WECOM, DINGTALK -> false;
        };
    }

    public String messageKey() {
        return "notify.event." + name();
    }
}
