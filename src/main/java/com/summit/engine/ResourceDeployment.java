package com.summit.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model of {@code bpmn/} and every form of {@code forms/} in one deployment at start-up,
 * before the web server opens, and records each form's engine key (a user task's {@code formKey} header
 * holds that key). The engine skips a deployment whose resources have not changed.
 */
@Component
class ResourceDeployment implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ResourceDeployment.class);

    private final CamundaClient client;
    private final DeployedFormRepository forms;
    private final DeployedProcessRepository processes;
    private final EngineEpoch epoch;
    private final ApplicationEventPublisher events;
    private final Duration timeout;
    private volatile boolean running;

    ResourceDeployment(CamundaClient client, DeployedFormRepository forms, DeployedProcessRepository processes, EngineEpoch epoch,
            ApplicationEventPublisher events, @Value("${summit.engine.startup-timeout:30s}") Duration timeout) {
        this.client = client;
        this.forms = forms;
        this.processes = processes;
        this.epoch = epoch;
        this.events = events;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        List<Resource> resources = resources();
        Map<String, String> formSources = new HashMap<>();
        Map<String, String> bpmnSources = new HashMap<>();
        DeployResourceCommandStep1 command = client.newDeployResourceCommand();
        DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
        for (Resource resource : resources) {
            String name = resource.getFilename();
            byte[] bytes = read(resource);
            if (name.endsWith(".form")) {
                formSources.put(name, new String(bytes, StandardCharsets.UTF_8));
            } else if (name.endsWith(".bpmn")) {
                bpmnSources.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
            step = step == null ? command.addResourceBytes(bytes, name) : step.addResourceBytes(bytes, name);
        }
        if (step == null) {
            throw new IllegalStateException("No process models found under bpmn/ and forms/ on the classpath");
        }
        DeploymentEvent deployment = deploy(step);
        deployment.getForm().forEach(f -> forms.save(new DeployedForm(f.getFormKey(), f.getFormId(), f.getVersion(),
                f.getResourceName(), formSources.get(f.getResourceName()))));
        deployment.getProcesses().forEach(p -> processes.save(p.getProcessDefinitionKey(), p.getBpmnProcessId(),
                p.getVersion(), p.getResourceName(), bpmnSources.get(p.getResourceName())));
        log.info("Deployed {} processes, {} decisions and {} forms", deployment.getProcesses().size(),
                deployment.getDecisions().size(), deployment.getForm().size());
        running = true;
        events.publishEvent(new ProcessesDeployed(epoch.value(), deployment.getProcesses().size(),
                deployment.getForm().size(), deployment.getDecisions().size()));
    }

    private DeploymentEvent deploy(DeployResourceCommandStep1.DeployResourceCommandStep2 step) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return step.requestTimeout(Duration.ofSeconds(10)).send().join();
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cannot deploy the process models: the engine does not answer ("
                            + e.getMessage() + ")", e);
                }
                log.warn("Deployment failed, retrying: {}", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while deploying", ie);
                }
            }
        }
    }

    private static List<Resource> resources() {
        var resolver = new PathMatchingResourcePatternResolver();
        List<Resource> resources = new ArrayList<>();
        try {
            for (String pattern : List.of("classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:forms/**/*.form")) {
                resources.addAll(List.of(resolver.getResources(pattern)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resources;
    }

    private static byte[] read(Resource resource) {
        try (var in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (which starts last) so that no one starts a process that is not deployed yet. */
    @Override
    public int getPhase() {
        return 0;
    }
}
