package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.followup.service.FollowUpCadences;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The follow-up cadence's benchmark (issue #14): 10,000 open deals get their cadence instance, as at start-up after an
 * engine that forgot its instances. Measured: the time until every instance is started, and until every one has
 * worked out its date and waits on its timer (the first step reads the deal's follow-ups, the tier's cadence from the
 * DMN and the business calendar). Floor in the same run and engine: a bare client starting 10,000 instances of a
 * process with one no-op job and the same timer, with the same number of requests in flight, and a no-op worker.
 * The engine's cost while they wait: the JVM's CPU time over an idle half minute with 10,000 waiting instances against
 * one with none. Not part of {@code ./summit test}; run it with {@code bench/cadence.sh}.
 */
@org.springframework.test.context.TestPropertySource(properties = {"summit.opportunity.reconcile-interval=1h", "summit.followup.cadence-sweep=1h",
        "summit.demo.generated-customers=0"})
class CadenceBench extends LocalBench {

    static final int DEALS = Integer.getInteger("bench.deals", 10_000);
    static final Duration IDLE = Duration.ofSeconds(Integer.getInteger("bench.idle-seconds", 30));

    @Autowired FollowUpCadences cadences;
    @Autowired CamundaClient client;
    @Autowired com.summit.engine.ProcessEngine engine;
    @Autowired JdbcClient jdbc;

    @Test
    void tenThousandOpenDealsGetTheirCadence() throws Exception {
        long idleBefore = cpuMillisOver(IDLE);
        load();
        long started = System.nanoTime();
        // as the sweep would: a start the engine does not answer in time is taken again on the next round
        int count = 0;
        int rounds = 0;
        while (count < DEALS && rounds < 100) {
            count += cadences.startMissing();
            rounds++;
            if (count < DEALS) {
                Thread.sleep(1_000);
            }
        }
        long instancesCreated = System.nanoTime() - started;
        assertThat(count).isEqualTo(DEALS);
        while (jdbc.sql("select count(*) from follow_up_cadence c join opportunity o on o.id = c.opportunity_id"
                + " where o.name like '基准商机%' and c.process_instance_key is not null").query(Long.class).single() < DEALS) {
            Thread.sleep(100);
        }
        long allWaiting = System.nanoTime() - started;
        Thread.sleep(5_000);
        long idleWaiting = cpuMillisOver(IDLE);

        // the floor: the same number of instances of a process with one no-op job before the same kind of timer
        client.newDeployResourceCommand().addResourceStringUtf8(FLOOR_PROCESS, "bench-cadence-floor.bpmn").send().join();
        CountDownLatch done = new CountDownLatch(DEALS);
        JobWorker worker = client.newWorker().jobType("bench-cadence-noop").handler((jobs, job) -> {
            jobs.newCompleteCommand(job.getKey()).variables(Map.of("remindAt", "2099-01-01T01:00:00Z")).send().join();
            done.countDown();
        }).maxJobsActive(32).streamEnabled(true).open();
        List<Map<String, Object>> variables = new ArrayList<>();
        for (int i = 0; i < DEALS; i++) {
            variables.add(Map.of("opportunityId", i));
        }
        long floorStarted = System.nanoTime();
        var keys = engine.startAll("bench-cadence-floor", variables, 64);
        long floorCreated = System.nanoTime() - floorStarted;
        assertThat(done.await(10, TimeUnit.MINUTES)).isTrue();
        long floorWaiting = System.nanoTime() - floorStarted;
        worker.close();
        assertThat(keys).doesNotContainNull();

        String report = String.format("""
                follow-up cadence for %,d open deals (embedded engine, this machine's 2 cores):
                  instances started (takes of the deals, then start commands, 64 in flight; %d rounds, as the sweep retries): %,.1f s
                  every instance waiting on its timer (first step done: follow-ups, DMN, calendar): %,.1f s
                  floor, a bare client's %,d starts of a one-no-op-job process, 64 in flight:       %,.1f s
                  floor, until its no-op worker has completed every job:                          %,.1f s
                  ratio, waiting / floor:                                                          %.2f
                  CPU of the whole app over %d s idle: none waiting %,d ms, %,d waiting %,d ms (ratio %.2f)
                """, DEALS, rounds, instancesCreated / 1e9, allWaiting / 1e9, DEALS, floorCreated / 1e9, floorWaiting / 1e9,
                (double) allWaiting / floorWaiting, IDLE.toSeconds(), idleBefore, DEALS, idleWaiting,
                idleBefore == 0 ? 0.0 : (double) idleWaiting / idleBefore);
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "cadence.txt"), report, StandardCharsets.UTF_8);
    }

    private static long cpuMillisOver(Duration idle) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        Thread.sleep(idle.toMillis());
        return (os.getProcessCpuTime() - before) / 1_000_000;
    }

    private void load() {
        jdbc.sql("""
                insert into customer (name, industry, region, owner_username, tier)
                select '基准客户' || i, 'RETAIL', '上海', 'zhangwei',
                       case when i % 10 = 0 then 'STRATEGIC' when i % 3 = 0 then 'IMPORTANT' else 'ORDINARY' end
                from generate_series(1, 2000) i""").update();
        jdbc.sql("""
                insert into opportunity (customer_id, name, amount, services, stage, status, owner_username)
                select c.id, '基准商机' || i, 100000, 'WAREHOUSING', 'IDENTIFICATION', 'OPEN', 'zhangwei'
                from generate_series(1, :n) i join customer c on c.name = '基准客户' || (1 + i % 2000)""").param("n", DEALS).update();
        jdbc.sql("vacuum analyze").update();
    }

    static final String FLOOR_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Floor" targetNamespace="http://summit.example/bench">
              <bpmn:process id="bench-cadence-floor" isExecutable="true">
                <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:serviceTask id="Noop"><bpmn:extensionElements><zeebe:taskDefinition type="bench-cadence-noop" /></bpmn:extensionElements>
                  <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
                <bpmn:intermediateCatchEvent id="Wait"><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing>
                  <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">=date and time(remindAt)</bpmn:timeDate></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:endEvent id="End"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Noop" />
                <bpmn:sequenceFlow id="F2" sourceRef="Noop" targetRef="Wait" />
                <bpmn:sequenceFlow id="F3" sourceRef="Wait" targetRef="End" />
              </bpmn:process>
            </bpmn:definitions>
            """;
}
