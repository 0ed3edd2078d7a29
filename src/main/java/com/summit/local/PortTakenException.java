package com.summit.local;

/** A port local mode needs is already taken by another program. */
public class PortTakenException extends RuntimeException {

    private final int port;
    private final String purpose;
    private final String property;

    public PortTakenException(int port, String purpose, String property) {
        super("Port " + port + " (" + purpose + ") is already in use; set " + property + " to a free port.");
        this.port = port;
        this.purpose = purpose;
        this.property = property;
    }

    public int port() {
        return port;
    }

    public String purpose() {
        return purpose;
    }

    public String property() {
        return property;
    }
}
