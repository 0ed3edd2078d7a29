package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.engine.InstanceMigrator;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.engine.ProcessEngine;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.workbench.domain.InstanceMigration;
import com.summit.workbench.service.InstanceMigrations;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration benchmark (issue #13): what a process owner waits for when she moves 1,000 running instances onto a
 * new version from the migration page: the plan the page opens with (the engine's running instances, their active
 * elements, what each element maps to) and the run ({@link InstanceMigrations#start} until it is finished: one migrate
 * command per instance, each instance's inbox row moved to its new element, name and form, every outcome recorded).
 * The floor, same run, same engine: a bare client sending the same migrate command for 1,000 other instances of the
 * same version, one after the other. Not part of {@code ./summit test}; run it with {@code bench/migration.sh}.
 */
class MigrationBench extends LocalBench {

    static final int INSTANCES = Integer.getInteger("bench.instances", 1_000);

    @Autowired InstanceMigrations migrations;
    @Autowired InstanceMigrator migrator;
    @Autowired ModelStore models;
    @Autowired ProcessEngine engine;
    @Autowired CamundaClient client;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void migratingOneThousandInstancesOntoANewVersion() throws Exception {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        String processId = "bench-migration";
        String file = processId + ".bpmn";
        models.deployNew(file, first(processId), ModelVersion.Origin.WORKBENCH, "初版", "v1", "zhaomin");
        List<Long> measured = start(processId, "a", INSTANCES);
        List<Long> floorInstances = start(processId, "b", INSTANCES);
        waitForTasks(2 * INSTANCES);
        models.deployNew(file, second(processId), ModelVersion.Origin.WORKBENCH, "加现场考察", "v2", "zhaomin");
        Map<String, String> choices = Map.of("Task_Design", "Task_SiteVisit");

        long planStart = System.nanoTime();
        InstanceMigrations.Plan plan = migrations.plan(owner, file, 1, 2);
        double planMs = (System.nanoTime() - planStart) / 1e6;
        assertThat(plan.candidates()).hasSize(2 * INSTANCES);
        long runningStart = System.nanoTime();
        int running = migrator.running(processId, 1).size();
        double runningMs = (System.nanoTime() - runningStart) / 1e6;

        long runStart = System.nanoTime();
        long id = migrations.start(owner, plan, choices, measured, null);
        while (migrations.migration(owner, id).state() == InstanceMigration.State.RUNNING) {
            Thread.sleep(50);
        }
        double runS = (System.nanoTime() - runStart) / 1e9;
        InstanceMigration done = migrations.migration(owner, id);
        assertThat(done.migrated()).isEqualTo(INSTANCES);
        assertThat(done.refused()).isZero();
        long moved = jdbc.sql("select count(*) from human_task where element_id = 'Task_SiteVisit' and state = 'OPEN'").query(Long.class).single();
        assertThat(moved).as("every migrated instance's task is in the inbox at its new step").isEqualTo(INSTANCES);

        // the floor: the same command from a bare client, no records, no inbox
        long target = migrator.definitionKey(processId, 2).orElseThrow();
        Map<String, String> mapping = migrations.mapping(plan, choices);
        long floorStart = System.nanoTime();
        for (long key : floorInstances) {
            var entries = List.copyOf(mapping.entrySet());
            var command = client.newMigrateProcessInstanceCommand(key).migrationPlan(target)
                    .addMappingInstruction(entries.getFirst().getKey(), entries.getFirst().getValue());
            for (var e : entries.subList(1, entries.size())) {
                command = command.addMappingInstruction(e.getKey(), e.getValue());
            }
            command.send().join();
        }
        double floorS = (System.nanoTime() - floorStart) / 1e9;

        String report = String.format("""
                migration of %,d running instances (a user task in a sub-process with a message boundary) onto a new version:
                  the page's plan over %,d running instances: %,.0f ms (of which the engine's running instances alone: %,.0f ms, %,d instances)
                  the run, until finished (migrate, inbox row moved, outcome recorded): %.1f s, %.0f instances a second
                  floor, a bare client's migrate command for %,d other instances, one after the other: %.1f s, %.0f a second
                  ratio run / floor: %.2f
                """, INSTANCES, plan.candidates().size(), planMs, runningMs, running, runS, INSTANCES / runS, INSTANCES, floorS,
                INSTANCES / floorS, runS / floorS);
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "migration.txt"), report);
    }

    private List<Long> start(String processId, String prefix, int n) {
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(engine.start(processId, Map.of("key", processId + "-" + prefix + i)));
        }
        return keys;
    }

    private void waitForTasks(int n) throws InterruptedException {
        while (jdbc.sql("select count(*) from human_task where element_id = 'Task_Design' and state = 'OPEN'").query(Long.class).single() < n) {
            Thread.sleep(200);
        }
    }

    /** Version 1 (as InstanceMigrationIT's): a stage with a pause message on its border, holding the rep's step. */
    private static String first(String id) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(id).name("迁移基准").startEvent("Start")
                .subProcess("Stage", s -> s.name("阶段").embeddedSubProcess().startEvent("Stage_Start")
                        .userTask("Task_Design", t -> t.name("方案设计").zeebeAssignee("zhangwei")).endEvent("Stage_End"))
                .boundaryEvent("Boundary_Paused").message(m -> m.name("bench-paused").zeebeCorrelationKeyExpression("=key")).endEvent("Paused_End")
                .moveToActivity("Stage").endEvent("End").done());
    }

    /** Version 2: a site visit before the design. */
    private static String second(String id) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(id).name("迁移基准").startEvent("Start")
                .subProcess("Stage", s -> s.name("阶段").embeddedSubProcess().startEvent("Stage_Start")
                        .userTask("Task_SiteVisit", t -> t.name("现场考察").zeebeAssignee("zhangwei"))
                        .userTask("Task_Design", t -> t.name("方案设计").zeebeAssignee("zhangwei")).endEvent("Stage_End"))
                .boundaryEvent("Boundary_Paused").message(m -> m.name("bench-paused").zeebeCorrelationKeyExpression("=key")).endEvent("Paused_End")
                .moveToActivity("Stage").endEvent("End").done());
    }
}
