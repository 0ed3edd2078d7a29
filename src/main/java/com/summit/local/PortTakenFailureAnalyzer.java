package com.summit.local;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a taken port into a one-line message that says which port and how to change it. */
class PortTakenFailureAnalyzer extends AbstractFailureAnalyzer<PortTakenException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortTakenException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the program that holds port " + cause.port() + ", or start Summit with --" + cause.property()
                        + "=<free port> (or the environment variable " + envName(cause.property()) + ").",
                cause);
    }

    private static String envName(String property) {
        return switch (property) {
            case "server.port" -> "SUMMIT_PORT";
            case "summit.local.zeebe.port" -> "SUMMIT_ZEEBE_PORT";
            case "summit.local.postgres.port" -> "SUMMIT_POSTGRES_PORT";
            case "summit.local.elasticsearch.http-port" -> "SUMMIT_ES_PORT";
            case "summit.local.elasticsearch.transport-port" -> "SUMMIT_ES_TRANSPORT_PORT";
            default -> property.toUpperCase().replace('.', '_').replace('-', '_');
        };
    }
}
