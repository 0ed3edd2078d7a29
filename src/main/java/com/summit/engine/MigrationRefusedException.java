package com.summit.engine;

/** The engine refused to migrate one instance; it stays where it was. The reason is the engine's own sentence. */
public class MigrationRefusedException extends RuntimeException {

    private final String reason;

    public MigrationRefusedException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** The engine's sentence without gRPC's preamble ("Command 'MIGRATE' rejected with code 'INVALID_STATE': …"). */
    static String reasonOf(String message) {
        if (message == null) {
            return "";
        }
        int code = message.indexOf("rejected with code '");
        if (code >= 0) {
            int colon = message.indexOf("': ", code);
            if (colon > 0) {
                return message.substring(colon + 3).strip();
            }
        }
        return message.strip();
    }
}
