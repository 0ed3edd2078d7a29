package com.summit.workbench.service;

import java.util.Map;

/**
 * A feature that knows where its running work stands in a process beyond the open tasks (a deal's stage) gives the
 * workbench's diagram those counts, by element id.
 */
public interface LiveCountSource {

    /** The process this source counts for. */
    String bpmnProcessId();

    /** How many of its cases are at each element now, whatever version of the process they run on. */
    Map<String, Integer> counts();
}
