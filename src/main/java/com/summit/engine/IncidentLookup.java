package com.summit.engine;

import java.util.OptionalLong;

/**
 * Finds the engine's incident behind a job that ran out of retries: resolving it needs its key, which the failure
 * does not return. A Camunda 8 cluster answers through its search API; the embedded engine from its record stream.
 */
public interface IncidentLookup {

    OptionalLong incidentOf(long jobKey);
}
