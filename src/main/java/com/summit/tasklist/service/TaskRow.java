package com.summit.tasklist.service;

import com.summit.tasklist.domain.HumanTask;

/** A line of the inbox: the task and the business it belongs to. */
public record TaskRow(HumanTask task, String name, String customerName, String opportunityName, String assigneeName) {

    public String business() {
        if (customerName == null || customerName.isBlank()) {
            return opportunityName == null ? "" : opportunityName;
        }
        return opportunityName == null || opportunityName.isBlank() ? customerName : customerName + " · " + opportunityName;
    }
}
