package com.summit.local;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Local mode (every profile but {@code prod}): the data source and the Camunda client wait for the embedded parts. */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
@EnableConfigurationProperties(LocalProperties.class)
class LocalModeConfiguration {

    static final String RUNTIME_BEAN = "localRuntime";

    @Bean(name = RUNTIME_BEAN, destroyMethod = "close")
    LocalRuntime localRuntime(LocalProperties properties,
            @Value("${server.port:8080}") int serverPort,
            @Value("${summit.engine.startup-timeout:30s}") Duration startupTimeout,
            @Value("${server.address:}") String serverAddress,
            @Value("${summit.demo.enabled:true}") boolean demoUsers) {
        PublicAddressRefusedException.check(serverAddress, demoUsers);
        LocalRuntime runtime = new LocalRuntime(properties, serverPort, startupTimeout);
        runtime.start();
        return runtime;
    }

    @Bean
    com.summit.engine.IncidentLookup recordStreamIncidents(LocalRuntime runtime) {
        return new RecordStreamIncidentLookup(runtime);
    }

    @Bean
    com.summit.engine.RunningInstances recordStreamRunningInstances(LocalRuntime runtime) {
        return new RecordStreamRunningInstances(runtime);
    }

    @Bean
    DataSource dataSource(LocalRuntime runtime) {
        return runtime.dataSource();
    }

    /** The app's Elasticsearch client signs in to the local Elasticsearch with the generated password. */
    @Bean
    org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails localElasticsearch(LocalRuntime runtime,
            LocalProperties properties) {
        var node = new org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails.Node("127.0.0.1",
                properties.elasticsearch().httpPort(),
                org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails.Node.Protocol.HTTP);
        return new org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails() {
            @Override
            public List<Node> getNodes() {
                return List.of(node);
            }

            @Override
            public String getUsername() {
                return runtime.elasticsearchUser();
            }

            @Override
            public String getPassword() {
                return runtime.elasticsearchPassword();
            }
        };
    }

    /** The Camunda client (and with it every job worker) is created only after the embedded engine answers. */
    @Bean
    static BeanFactoryPostProcessor camundaClientWaitsForEmbeddedEngine() {
        return (ConfigurableListableBeanFactory beanFactory) -> {
            for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                List<String> dependsOn = new ArrayList<>();
                if (definition.getDependsOn() != null) {
                    dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
                }
                dependsOn.add(RUNTIME_BEAN);
                definition.setDependsOn(dependsOn.toArray(String[]::new));
            }
        };
    }
}
