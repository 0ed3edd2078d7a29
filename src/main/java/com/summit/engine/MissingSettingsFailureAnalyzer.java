package com.summit.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Set each of them, as a property (application-prod.yaml, --name=value) or as an environment variable "
                        + "(for example CAMUNDA_CLIENT_GRPCADDRESS, SPRING_DATASOURCE_URL, SPRING_ELASTICSEARCH_URIS). "
                        + "Or run without the prod profile to use local mode, where everything is embedded.",
                cause);
    }
}
