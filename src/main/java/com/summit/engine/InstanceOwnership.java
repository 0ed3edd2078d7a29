package com.summit.engine;

import java.util.Map;

/**
 * Whether a process instance is the one its business record runs in. A start whose answer was lost and was asked
 * again leaves two instances; the record keeps one, and the other's tasks must never reach an inbox. Features that
 * tie instances to their records (a deal's lifecycle, a claim's verification) implement this.
 */
public interface InstanceOwnership {

    enum Verdict {
        /** The record runs in this instance (it may have just been tied to it). */
        CURRENT,
        /** The record runs in another instance: this one is a stray and is cancelled. */
        STRAY,
        /** Not an instance of this feature's processes. */
        NOT_MINE
    }

    Verdict check(String bpmnProcessId, long processInstanceKey, Map<String, Object> variables);
}
