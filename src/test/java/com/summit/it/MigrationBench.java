package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.engine.InstanceMigrator;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.workbench.domain.InstanceMigration;
import com.summit.workbench.service.InstanceMigrations;
import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration benchmark (issue #13): what a process owner waits for when she moves 1,000 running lifecycle instances
 * onto a new version from the migration page. The deals are real ones, opened through {@link OpportunityService} and
 * taken over at stage 3, so each instance waits at 设计物流方案 inside the stage sub-process, subscribed to its pause
 * message and its stall timer. The new version is the lifecycle with the journey's change (现场考察 before the design,
 * {@link MigrationJourneyIT}), and the design step is mapped to the visit. Measured: the plan the page opens with (the
 * engine's running instances, their active elements, what each element maps to) and the run
 * ({@link InstanceMigrations#start} until it is finished: one migrate command per instance, each instance's inbox row
 * moved to its new element, name and form, every outcome recorded). The floor, same run, same engine: a bare client
 * sending the same migrate command for 1,000 other instances, one after the other. Not part of {@code ./summit test};
 * run it with {@code bench/migration.sh}.
 */
class MigrationBench extends LocalBench {

    static final int INSTANCES = Integer.getInteger("bench.instances", 1_000);
    static final String LIFECYCLE = "opportunity-lifecycle.bpmn";

    @Autowired InstanceMigrations migrations;
    @Autowired InstanceMigrator migrator;
    @Autowired ModelStore models;
    @Autowired OpportunityService opportunities;
    @Autowired CamundaClient client;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void migratingOneThousandLifecycleInstancesOntoANewVersion() throws Exception {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        SummitUser rep = users.find("zhangwei").orElseThrow();
        ModelVersion first = models.currentOf(LIFECYCLE).orElseThrow();
        List<Long> customers = jdbc.sql("select id from customer where owner_username = 'zhangwei' order by id").query(Long.class).list();
        long before = openAt("Task_DesignSolution");
        List<Long> measured = open(rep, customers, "a", INSTANCES);
        List<Long> floorInstances = open(rep, customers, "b", INSTANCES);
        phase("opened " + 2 * INSTANCES + " deals at stage 3");
        while (openAt("Task_DesignSolution") < before + 2L * INSTANCES) {
            Thread.sleep(200);
        }
        phase("every deal's design step is in the inbox");
        ModelVersion second = models.deployNew(LIFECYCLE, withSiteVisit(first.content()), ModelVersion.Origin.WORKBENCH,
                "方案设计前先做现场考察", "site-visit", "zhaomin");
        Map<String, String> choices = Map.of("Task_DesignSolution", "Task_SiteVisit");

        long planStart = System.nanoTime();
        InstanceMigrations.Plan plan = migrations.plan(owner, LIFECYCLE, first.version(), second.version());
        double planMs = (System.nanoTime() - planStart) / 1e6;
        assertThat(plan.candidates()).hasSizeGreaterThanOrEqualTo(2 * INSTANCES);
        long runningStart = System.nanoTime();
        int running = migrator.running(LifecycleProcess.PROCESS_ID, first.version()).size();
        double runningMs = (System.nanoTime() - runningStart) / 1e6;
        phase("planned");

        long runStart = System.nanoTime();
        long id = migrations.start(owner, plan, choices, measured, null);
        while (migrations.migration(owner, id).state() == InstanceMigration.State.RUNNING) {
            Thread.sleep(50);
        }
        double runS = (System.nanoTime() - runStart) / 1e9;
        phase("migrated");
        InstanceMigration done = migrations.migration(owner, id);
        assertThat(done.migrated()).isEqualTo(INSTANCES);
        assertThat(done.refused()).isZero();
        assertThat(openAt("Task_SiteVisit")).as("every migrated deal's task is in the inbox at the visit, once").isEqualTo(INSTANCES);
        long namedAndFormed = jdbc.sql("select count(*) from human_task where element_id = 'Task_SiteVisit' and state = 'OPEN' and name = '现场考察'"
                + " and process_instance_key = any(:keys)").param("keys", measured.toArray(Long[]::new)).query(Long.class).single();
        assertThat(namedAndFormed).as("under the new step's name").isEqualTo(INSTANCES);

        // the floor: the same command from a bare client, no records, no inbox
        long target = migrator.definitionKey(LifecycleProcess.PROCESS_ID, second.version()).orElseThrow();
        var entries = List.copyOf(migrations.mapping(plan, choices).entrySet());
        long floorStart = System.nanoTime();
        for (long key : floorInstances) {
            var command = client.newMigrateProcessInstanceCommand(key).migrationPlan(target)
                    .addMappingInstruction(entries.getFirst().getKey(), entries.getFirst().getValue());
            for (var e : entries.subList(1, entries.size())) {
                command = command.addMappingInstruction(e.getKey(), e.getValue());
            }
            command.send().join();
        }
        double floorS = (System.nanoTime() - floorStart) / 1e9;
        phase("floor done");

        String report = String.format("""
                migration of %,d running lifecycle instances (at 设计物流方案 in stage 3, %d mapping instructions) onto a new version with 现场考察:
                  the page's plan over %,d running instances: %,.0f ms (of which the engine's running instances alone: %,.0f ms, %,d instances)
                  the run, until finished (migrate, inbox row moved, outcome recorded): %.1f s, %.0f instances a second
                  floor, a bare client's migrate command for %,d other instances, one after the other: %.1f s, %.0f a second
                  ratio run / floor: %.2f
                """, INSTANCES, entries.size(), plan.candidates().size(), planMs, runningMs, running, runS, INSTANCES / runS, INSTANCES,
                floorS, INSTANCES / floorS, runS / floorS);
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "migration.txt"), report);
    }

    private static void phase(String what) {
        System.out.println("[bench] " + java.time.LocalTime.now() + " " + what);
    }

    private long openAt(String elementId) {
        return jdbc.sql("select count(*) from human_task where element_id = :e and state = 'OPEN'").param("e", elementId)
                .query(Long.class).single();
    }

    /** Opens n deals for the rep, spread over the demo customers, taken over at stage 3; their instance keys. */
    private List<Long> open(SummitUser rep, List<Long> customers, String prefix, int n) {
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var input = new NewOpportunity(customers.get(i % customers.size()), "迁移基准 " + prefix + i, null, new BigDecimal("100"),
                    Set.of());
            Opportunity o = opportunities.importAt(input, rep, Stage.SOLUTION_DESIGN, Instant.now());
            keys.add(o.processInstanceKey());
        }
        return keys;
    }

    /** The lifecycle with a site visit for the owner between stage 3's start and its design step. */
    static String withSiteVisit(String lifecycle) {
        String flow = "<bpmn:sequenceFlow id=\"Stage_SolutionDesign_F1\" sourceRef=\"Stage_SolutionDesign_Start\" targetRef=\"Gateway_DesignSolution_Merge\" />";
        String merge = "<bpmn:exclusiveGateway id=\"Gateway_DesignSolution_Merge\"><bpmn:incoming>Stage_SolutionDesign_F1</bpmn:incoming>";
        assertThat(lifecycle).contains(flow, merge);
        return lifecycle.replace(merge, "<bpmn:userTask id=\"Task_SiteVisit\" name=\"现场考察\"><bpmn:extensionElements>"
                        + "<zeebe:formDefinition formId=\"opportunity-solution-design\" /><zeebe:assignmentDefinition assignee=\"=owner\" />"
                        + "</bpmn:extensionElements><bpmn:incoming>Stage_SolutionDesign_F1</bpmn:incoming><bpmn:outgoing>Flow_SiteVisit_Done</bpmn:outgoing>"
                        + "</bpmn:userTask><bpmn:exclusiveGateway id=\"Gateway_DesignSolution_Merge\"><bpmn:incoming>Flow_SiteVisit_Done</bpmn:incoming>")
                .replace(flow, "<bpmn:sequenceFlow id=\"Stage_SolutionDesign_F1\" sourceRef=\"Stage_SolutionDesign_Start\" targetRef=\"Task_SiteVisit\" />"
                        + "<bpmn:sequenceFlow id=\"Flow_SiteVisit_Done\" sourceRef=\"Task_SiteVisit\" targetRef=\"Gateway_DesignSolution_Merge\" />");
    }
}
