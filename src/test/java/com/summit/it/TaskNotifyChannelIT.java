package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.summit.base.i18n.Locales;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.TaskAvailabilityChannel;
import com.summit.tasklist.service.TaskBroadcaster;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An open inbox hears of a task that became its user's work only after the change committed, and hears of a task
 * announced on another connection to the same database: the news travels through PostgreSQL (LISTEN/NOTIFY). The other
 * connection stands in for another replica; two app instances side by side are tested with several replicas (issue #15).
 */
class TaskNotifyChannelIT extends LocalAppIT {

    @Autowired CamundaClient client;
    @Autowired com.summit.engine.ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired TaskBroadcaster broadcaster;
    @Autowired TaskAvailabilityChannel channel;
    @Autowired UserService users;
    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate transactions;

    private final List<Long> heard = new CopyOnWriteArrayList<>();
    private Runnable unregister;

    @AfterEach
    void unregister() {
        if (unregister != null) {
            unregister.run();
        }
    }

    @Test
    void aTaskAnnouncedHereOrOnAnotherDatabaseConnectionReachesTheOpenInboxesOnlyOnceCommitted() throws Exception {
        SummitUser legal = users.find("wangfang").orElseThrow();
        unregister = broadcaster.register(event -> heard.add(event.task().id()));
        engine.deploy("test-live.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("test-live").startEvent()
                .userTask("Task_Check", t -> t.name("核对报价").zeebeCandidateGroups("LEGAL")).endEvent().done())
                .getBytes(StandardCharsets.UTF_8));

        // captured here: heard here
        long instance = client.newCreateInstanceCommand().bpmnProcessId("test-live").latestVersion().variables(Map.of())
                .send().join().getProcessInstanceKey();
        TaskRow row = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.claimable(legal, Locales.ZH_CN).stream()
                .filter(r -> r.task().processInstanceKey() == instance).findFirst().orElse(null), r -> r != null);
        long taskId = row.task().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(taskId));

        // announced by another replica (its own connection to the same database): heard here too
        heard.clear();
        var hikari = (com.zaxxer.hikari.HikariDataSource) dataSource;
        try (Connection other = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
                Statement statement = other.createStatement()) {
            statement.execute("select pg_notify('summit_task_available', '" + taskId + "')");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(taskId));

        // a change that rolls back announces nothing: a committed marker sent after it arrives, the task does not
        List<Long> ids = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = channel.subscribe(ids::add);
        try {
            transactions.executeWithoutResult(status -> {
                channel.publish(taskId);
                status.setRollbackOnly();
            });
            transactions.executeWithoutResult(status -> channel.publish(-1));
            await().atMost(Duration.ofSeconds(10)).until(() -> ids.contains(-1L));
            assertThat(ids).doesNotContain(taskId);
        } finally {
            unsubscribe.run();
        }
    }
}
