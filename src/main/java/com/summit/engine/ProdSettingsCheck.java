package com.summit.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/** In prod mode, fails at once, naming every missing setting, before anything tries to connect. */
class ProdSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final List<String> REQUIRED = List.of(
            "camunda.client.grpc-address", "spring.datasource.url", "spring.datasource.username", "spring.elasticsearch.uris");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing);
        }
    }

    /** Right after the configuration files are read, before any library adds defaults of its own. */
    @Override
    public int getOrder() {
        return org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
