package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.base.i18n.Locales;
import com.summit.engine.ProcessEngine;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.TaskQuery;
import com.summit.tasklist.service.TaskOutcome;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Human-step latency (issue #3): the time from "submit" on one task to the next task of the same instance
 * being visible in the assignee's inbox, through the real path: {@link TaskService#complete} (validation,
 * completing the job on the embedded engine), the engine moving on, the user-task worker activating the next
 * job and storing it, and the inbox query finding it. Not part of {@code ./summit test}; run it with
 * {@code bench/human-step.sh}.
 */
class HumanStepLatencyBench extends LocalBench {

    static final int STEPS = Integer.getInteger("bench.steps", 300);
    static final int WARM_UP = 30;

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) {
        registry.add("summit.demo.enabled", () -> "true");
    }

    @Autowired ProcessEngine engine;
    @Autowired io.camunda.client.CamundaClient client;
    @Autowired TaskService tasks;
    @Autowired UserService users;

    @Test
    void submitToNextTaskVisible() throws Exception {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        engine.deploy("bench-two-steps.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("bench-two-steps").startEvent()
                .userTask("Task_First", t -> t.name("第一步").zeebeAssignee("zhangwei"))
                .userTask("Task_Second", t -> t.name("第二步").zeebeAssignee("zhangwei"))
                .endEvent().done()).getBytes(StandardCharsets.UTF_8));
        TaskQuery mine = TaskQuery.inbox().withScope(TaskQuery.Scope.MINE);

        List<Long> total = new ArrayList<>();
        List<Long> submit = new ArrayList<>();
        for (int i = 0; i < WARM_UP + STEPS; i++) {
            long instance = engine.start("bench-two-steps", Map.of("customerName", "基准测试客户" + i));
            TaskRow first = awaitVisible(rep, mine, instance, "Task_First", 30_000_000_000L).orElseThrow();
            long start = System.nanoTime();
            assertThat(tasks.complete(first.task().id(), rep, "{}", Locales.ZH_CN)).isEqualTo(TaskOutcome.COMPLETED);
            long submitted = System.nanoTime();
            Optional<TaskRow> second = awaitVisible(rep, mine, instance, "Task_Second", 30_000_000_000L);
            long visible = System.nanoTime();
            assertThat(second).as("next task of instance %d", instance).isPresent();
            tasks.complete(second.get().task().id(), rep, "{}", Locales.ZH_CN);
            if (i >= WARM_UP) {
                total.add((visible - start) / 1000);
                submit.add((submitted - start) / 1000);
            }
        }
        List<Long> floor = bareClientSteps();
        String report = String.format("human step, embedded engine, %d steps: submit -> next task visible p50 %.1f ms, p95 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms; of which the submit call p50 %.1f ms, p95 %.1f ms%n"
                        + "floor, same engine and run: a bare client completing a job and receiving the next one (streamed) p50 %.1f ms, "
                        + "p95 %.1f ms; ratio p50 %.1f, p95 %.1f%n",
                STEPS, pct(total, 50), pct(total, 95), pct(total, 99), pct(total, 100), pct(submit, 50), pct(submit, 95),
                pct(floor, 50), pct(floor, 95), pct(total, 50) / pct(floor, 50), pct(total, 95) / pct(floor, 95));
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "human-step.txt"), report);
    }

    /**
     * The floor of a human step: the same engine, a two-step process of plain jobs, and the bare client alone: the
     * time from completing the first job to the second job reaching a streaming worker.
     */
    private List<Long> bareClientSteps() throws Exception {
        engine.deploy("bench-floor.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("bench-floor").startEvent()
                .serviceTask("Task_First", t -> t.zeebeJobType("bench-floor-step"))
                .serviceTask("Task_Second", t -> t.zeebeJobType("bench-floor-step"))
                .endEvent().done()).getBytes(StandardCharsets.UTF_8));
        var received = new java.util.concurrent.LinkedBlockingQueue<io.camunda.client.api.response.ActivatedJob>();
        List<Long> micros = new ArrayList<>();
        try (var worker = client.newWorker().jobType("bench-floor-step").handler((c, job) -> received.add(job)).streamEnabled(true)
                .open()) {
            for (int i = 0; i < WARM_UP + STEPS; i++) {
                client.newCreateInstanceCommand().bpmnProcessId("bench-floor").latestVersion().send().join();
                var first = received.poll(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(first).as("first job").isNotNull();
                long start = System.nanoTime();
                client.newCompleteCommand(first.getKey()).send().join();
                var second = received.poll(30, java.util.concurrent.TimeUnit.SECONDS);
                long took = System.nanoTime() - start;
                assertThat(second).as("second job").isNotNull();
                assertThat(second.getElementId()).isEqualTo("Task_Second");
                client.newCompleteCommand(second.getKey()).send().join();
                if (i >= WARM_UP) {
                    micros.add(took / 1000);
                }
            }
        }
        return micros;
    }

    /** Polls the inbox query (every 0.2 ms) until the instance's task shows; empty after the deadline. */
    private Optional<TaskRow> awaitVisible(SummitUser user, TaskQuery query, long instance, String elementId, long timeoutNanos)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            Optional<TaskRow> row = tasks.find(query, user, Locales.ZH_CN).stream()
                    .filter(r -> r.task().processInstanceKey() == instance && r.task().elementId().equals(elementId))
                    .findFirst();
            if (row.isPresent()) {
                return row;
            }
            Thread.sleep(0, 200_000);
        }
        return Optional.empty();
    }

    private static double pct(List<Long> micros, int percentile) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = Math.max(0, (int) Math.ceil(sorted.length * percentile / 100.0) - 1);
        return sorted[index] / 1000.0;
    }
}
