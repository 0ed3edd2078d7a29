package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Local mode starts a killed PostgreSQL again by itself: requests fail while it is down, then work again, and what was
 * committed before is still there. An app of its own (its database is killed), without Elasticsearch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// an app of its own: closed after its tests, so that its engine and database do not load the machine for the rest of the suite
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresRestartIT {

    static final Path DATA = Path.of("target", "it-data", "pg-restart-" + ProcessHandle.current().pid());
    static final int ZEEBE = TestPorts.free();
    static final int POSTGRES = TestPorts.free();

    @DynamicPropertySource
    static void localMode(DynamicPropertyRegistry registry) {
        registry.add("summit.local.data-dir", DATA::toString);
        registry.add("summit.local.zeebe.port", () -> ZEEBE);
        registry.add("summit.local.postgres.port", () -> POSTGRES);
        registry.add("summit.local.elasticsearch.enabled", () -> "false");
        registry.add("summit.demo.generated-customers", () -> "0");
    }

    @Autowired CustomerService customers;
    @Autowired UserService users;

    @Test
    void aKilledPostgresIsStartedAgainAndWhatWasCommittedIsStillThere() throws Exception {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var before = customers.create(new NewCustomer("杀库前客户" + marker, null, Industry.RETAIL, "上海"), rep);
        Path pidFile = DATA.resolve("postgres").resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readString(pidFile).lines().findFirst().orElseThrow().strip());

        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !postmaster.isAlive());

        // back by itself, on the same data
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> customers.find(before.id()).isPresent());
        var after = customers.create(new NewCustomer("重启后客户" + marker, null, Industry.RETAIL, "上海"), rep);
        assertThat(customers.find(after.id())).isPresent();
        assertThat(customers.find(before.id()).orElseThrow().name()).isEqualTo("杀库前客户" + marker);
        long newPid = Long.parseLong(Files.readString(pidFile).lines().findFirst().orElseThrow().strip());
        assertThat(newPid).as("a new PostgreSQL process").isNotEqualTo(pid);
    }
}
