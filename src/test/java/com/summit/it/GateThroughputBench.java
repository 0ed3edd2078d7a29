package com.summit.it;

import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.engine.ProcessEngine;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.service.UserService;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gate evaluations per second through the job worker (issue #4): instances of a one-step process whose step is
 * the lifecycle's gate job; the app's own {@code StageGateWorker} reads the opportunity's facts from PostgreSQL,
 * evaluates the DMN stage-gate on the embedded engine and records the result. Not part of {@code ./summit test};
 * run it with {@code bench/gate.sh}.
 */
class GateThroughputBench extends LocalBench {

    static final int EVALUATIONS = Integer.getInteger("bench.evaluations", 1000);

    @Autowired ProcessEngine engine;
    @Autowired io.camunda.client.CamundaClient client;
    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void gateEvaluationsPerSecond() throws Exception {
        var rep = users.find("zhangwei").orElseThrow();
        var customer = customers.create(new NewCustomer("基准客户", null, Industry.FMCG, "上海"), rep);
        var deal = opportunities.create(new NewOpportunity(customer.id(), "基准商机", null, new BigDecimal("1000000"),
                Set.of(LogisticsService.WAREHOUSING)), rep);
        engine.deploy("bench-gate.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("bench-gate").startEvent()
                .serviceTask("Task_Gate", t -> t.zeebeJobType("opportunity-evaluate-gate").zeebeTaskHeader("stage", "NEED_CONFIRMATION"))
                .endEvent().done()).getBytes(StandardCharsets.UTF_8));
        long before = count(deal.id());
        long start = System.nanoTime();
        for (int i = 0; i < EVALUATIONS; i++) {
            engine.start("bench-gate", Map.of("opportunityId", deal.id()));
        }
        while (count(deal.id()) - before < EVALUATIONS) {
            Thread.sleep(20);
            if (System.nanoTime() - start > 600_000_000_000L) {
                throw new IllegalStateException("not done in 10 minutes");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // what was measured is the real gate: every evaluation refused the deal with its three unmet levels
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                select count(*) from gate_evaluation where opportunity_id = :o and not passed and jsonb_array_length(unmet) = 3""")
                .param("o", deal.id()).query(Long.class).single()).isGreaterThanOrEqualTo(EVALUATIONS);
        double floor = noOpSeconds();
        String report = String.format("gate evaluations through the job worker, embedded engine: %d in %.1f s = %.0f per second "
                + "(instances started from one thread, worker defaults: 32 jobs at a time, job streaming on)%n"
                + "floor, same engine and run: a no-op worker on the same one-step process: %d in %.1f s = %.0f per second; "
                + "ratio (gate time / no-op time) %.1f%n",
                EVALUATIONS, seconds, EVALUATIONS / seconds, EVALUATIONS, floor, EVALUATIONS / floor, seconds / floor);
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "gate.txt"), report);
    }

    /** The same one-step process and start loop, its job done by a worker that only completes it. */
    private double noOpSeconds() throws Exception {
        engine.deploy("bench-noop.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("bench-noop").startEvent()
                .serviceTask("Task_Gate", t -> t.zeebeJobType("bench-noop").zeebeTaskHeader("stage", "NEED_CONFIRMATION"))
                .endEvent().done()).getBytes(StandardCharsets.UTF_8));
        var done = new java.util.concurrent.atomic.AtomicInteger();
        try (var worker = client.newWorker().jobType("bench-noop").handler((c, job) -> {
            c.newCompleteCommand(job.getKey()).send().join();
            done.incrementAndGet();
        }).streamEnabled(true).open()) {
            long start = System.nanoTime();
            for (int i = 0; i < EVALUATIONS; i++) {
                engine.start("bench-noop", Map.of("opportunityId", 1L));
            }
            while (done.get() < EVALUATIONS) {
                Thread.sleep(20);
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("not done in 10 minutes");
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private long count(long opportunityId) {
        return jdbc.sql("select count(*) from gate_evaluation where opportunity_id = :o").param("o", opportunityId).query(Long.class).single();
    }
}
