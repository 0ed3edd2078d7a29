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
 * Deploys the models at start-up, before the web server opens: the app's files of {@code bpmn/} and {@code forms/}
 * are registered with the {@link ModelStore} (the seed of an empty database, a proposal when changed), and what the
 * store keeps as deployed goes to the engine. Each form's engine key is recorded (a user task's {@code formKey} header
 * holds that key). The engine skips resources that have not changed.
 */
@Component
class ResourceDeployment implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ResourceDeployment.class);

    private final CamundaClient client;
    private final DeployedFormRepository forms;
    private final DeployedProcessRepository processes;
    private final EngineEpoch epoch;
    private final ModelStore models;
    private final ApplicationEventPublisher events;
    private final Duration timeout;
    private volatile boolean running;

    ResourceDeployment(CamundaClient client, DeployedFormRepository forms, DeployedProcessRepository processes, EngineEpoch epoch,
            ModelStore models, ApplicationEventPublisher events, @Value("${summit.engine.startup-timeout:30s}") Duration timeout) {
        this.models = models;
        this.client = client;
        this.forms = forms;
        this.processes = processes;
        this.epoch = epoch;
        this.events = events;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        List<ModelStore.ModelFile> files = new ArrayList<>();
        for (Resource resource : resources()) {
            files.add(new ModelStore.ModelFile(resource.getFilename(), new String(read(resource), StandardCharsets.UTF_8)));
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No process models found under bpmn/ and forms/ on the classpath");
        }
        // the app's files seed an empty database; after that PostgreSQL holds what runs, and a changed file is a proposal
        models.registerFiles(files);
        int processCount = 0;
        int formCount = 0;
        int decisionCount = 0;
        List<List<ModelVersion>> deployments = models.startupDeployments(epoch.embedded());
        for (List<ModelVersion> round : deployments) {
            DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
            Map<String, ModelVersion> byName = new HashMap<>();
            for (ModelVersion version : round) {
                byte[] bytes = version.content().getBytes(StandardCharsets.UTF_8);
                step = step == null ? client.newDeployResourceCommand().addResourceBytes(bytes, version.resourceName())
                        : step.addResourceBytes(bytes, version.resourceName());
                byName.put(version.resourceName(), version);
            }
            DeploymentEvent deployment = deploy(step);
            deployment.getForm().forEach(f -> {
                forms.save(new DeployedForm(f.getFormKey(), f.getFormId(), f.getVersion(), f.getResourceName(),
                        byName.get(f.getResourceName()).content()));
                models.recordEngineVersion(byName.get(f.getResourceName()), f.getVersion());
            });
            deployment.getProcesses().forEach(p -> {
                processes.save(p.getProcessDefinitionKey(), p.getBpmnProcessId(), p.getVersion(), p.getResourceName(),
                        byName.get(p.getResourceName()).content());
                models.recordEngineVersion(byName.get(p.getResourceName()), p.getVersion());
            });
            deployment.getDecisionRequirements().forEach(d -> models.recordEngineVersion(byName.get(d.getResourceName()), d.getVersion()));
            processCount = deployment.getProcesses().size();
            formCount = deployment.getForm().size();
            decisionCount = deployment.getDecisions().size();
        }
        log.info("Deployed {} model versions in {} deployments, from the database", deployments.stream().mapToInt(List::size).sum(),
                deployments.size());
        running = true;
        events.publishEvent(new ProcessesDeployed(epoch.value(), processCount, formCount, decisionCount));
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
