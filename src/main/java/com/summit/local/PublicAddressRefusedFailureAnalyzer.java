package com.summit.local;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says how to serve other machines: prod mode, with real users and the company's own database, search and engine. */
class PublicAddressRefusedFailureAnalyzer extends AbstractFailureAnalyzer<PublicAddressRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PublicAddressRefusedException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "To serve other machines, run prod mode: SPRING_PROFILES_ACTIVE=prod with your PostgreSQL, Elasticsearch and "
                        + "Camunda 8 cluster (README, 'Prod mode'); it creates no demo users. To try local mode without demo "
                        + "users on another address, start it with --summit.demo.enabled=false. Otherwise leave server.address "
                        + "(SUMMIT_ADDRESS) at 127.0.0.1.",
                cause);
    }
}
