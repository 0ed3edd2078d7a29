package com.summit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** Prod mode names every missing setting at start-up; local mode needs none. */
class ProdSettingsCheckTest {

    private final ProdSettingsCheck check = new ProdSettingsCheck();

    @Test
    void prodModeWithoutSettingsNamesEachOneAndHowToSetIt() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        environment.setProperty("spring.datasource.url", "jdbc:postgresql://db:5432/summit");

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOfSatisfying(MissingSettingsException.class, e -> {
                    assertThat(e.missing()).containsExactly("camunda.client.grpc-address", "spring.datasource.username",
                            "spring.elasticsearch.uris");
                    FailureAnalysis analysis = new MissingSettingsFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains("camunda.client.grpc-address", "spring.elasticsearch.uris");
                    assertThat(analysis.getAction()).contains("CAMUNDA_CLIENT_GRPCADDRESS", "local mode");
                });
    }

    @Test
    void prodModeWithEverySettingStarts() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        ProdSettingsCheck.REQUIRED.forEach(name -> environment.setProperty(name, "x"));
        check.postProcessEnvironment(environment, new SpringApplication());
    }

    @Test
    void localModeNeedsNoSettings() {
        check.postProcessEnvironment(new MockEnvironment(), new SpringApplication());
    }
}
