package com.summit.tasklist.service;

/** A process's start form, ready to render: the schema in the user's language and the data it opens with. */
public record StartForm(String bpmnProcessId, String processName, String schemaJson, String dataJson) {}
