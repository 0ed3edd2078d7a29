package com.summit.notify.domain;

/** Where a notification reaches a person: the bell in the app, email, or a mention in the team's WeCom or DingTalk robot. */
public enum Channel {
    IN_APP,
    EMAIL,
    WECOM,
    DINGTALK;

    public String messageKey() {
        return "notify.channel." + name();
    }
}
