package com.summit.tasklist.service;

/** A process's start form, ready to render: the schema in the user's language, the data it opens with, form-js's own texts. */
public record StartForm(String bpmnProcessId, String processName, String schemaJson, String dataJson, String formStringsJson) {}
