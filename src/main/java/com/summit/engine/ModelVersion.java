package com.summit.engine;

import java.time.Instant;

/**
 * One version of a model file: a process (BPMN), decision tables (DMN) or a form. Named by its file and its number
 * ({@code version}, set once it is deployed), never by an engine key.
 */
public record ModelVersion(long id, String resourceName, Kind kind, String modelId, String modelName, Integer version, State state,
        Origin origin, String content, String contentHash, String comment, String versionTag, String author, Instant createdAt,
        Instant deployedAt, String deployedBy, Integer engineVersion) {

    public enum Kind {
        BPMN, DMN, FORM;

        /** The folder of the repository (and of the download) this kind of file sits in. */
        public String folder() {
            return this == FORM ? "forms" : "bpmn";
        }
    }

    /** A proposal waits for a process owner; a deployed version runs (the latest deployed one is current). */
    public enum State { PROPOSED, DEPLOYED, REJECTED }

    /** Where a version came from: the first file, a newer file of the app, the workbench, a roll-back. */
    public enum Origin { SEED, FILE, WORKBENCH, ROLLBACK }

    /** The path of the file in the repository's layout: {@code bpmn/…} or {@code forms/…}. */
    public String path() {
        return kind.folder() + "/" + resourceName;
    }
}
