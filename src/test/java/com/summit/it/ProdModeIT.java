package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.summit.SummitApplication;
import com.summit.base.i18n.Locales;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.local.TestElasticsearch;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.search.service.SearchService;
import com.summit.search.service.SearchUnavailableException;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskOutcome;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prod mode against an engine in another JVM over gRPC (the embedded Zeebe engine behind its gateway, started as its own
 * process, or the cluster {@code SUMMIT_TEST_GRPC_ADDRESS} names), an external PostgreSQL, and an Elasticsearch that is
 * down when the app starts: the app starts anyway, search says it is unavailable, and once Elasticsearch is up the
 * outbox catches up with nothing lost.
 */
class ProdModeIT {

    private final Path data = Path.of("target", "it-data", "prod-" + ProcessHandle.current().pid()).toAbsolutePath();

    @Test
    void theSliceRunsOnAnEngineOverTheNetworkAndSearchCatchesUpAfterAnElasticsearchOutage() throws Exception {
        int esHttp = TestPorts.free();
        int esTransport = TestPorts.free();
        try (EngineProcess engine = new EngineProcess().start(data.resolve("engine"));
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                        .setCleanDataDirectory(true).start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(SummitApplication.class)
                        .run(
                                "--spring.profiles.active=prod",
                                "--server.port=0",
                                "--camunda.client.grpc-address=" + engine.grpcAddress(),
                                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                                "--spring.datasource.username=postgres",
                                "--spring.datasource.password=",
                                "--spring.elasticsearch.uris=http://127.0.0.1:" + esHttp)) {

            UserService users = app.getBean(UserService.class);
            assertThat(users.findAll()).as("prod mode creates no demo users").isEmpty();
            SummitUser rep = new SummitUser("wuqiang", "吴强", Set.of(Role.REP), "华南大客户部", null);
            users.createIfMissing(rep, "s3cret-Passw0rd");

            var customer = app.getBean(CustomerService.class)
                    .create(new NewCustomer("深圳智能终端有限公司", null, Industry.ELECTRONICS_3C, "深圳"), rep);
            OpportunityService opportunities = app.getBean(OpportunityService.class);
            Opportunity created = opportunities.create(new NewOpportunity(customer.id(), "华南保税仓项目",
                    "手机整机出口的保税仓储与跨境干线", new BigDecimal("6800000"),
                    Set.of(LogisticsService.WAREHOUSING, LogisticsService.LINE_HAUL)), rep);

            TaskService tasks = app.getBean(TaskService.class);
            TaskRow task = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.inbox(rep).stream()
                    .filter(r -> r.task().opportunityId() != null && r.task().opportunityId() == created.id())
                    .findFirst().orElse(null), r -> r != null);
            assertThat(task.task().dueAt()).isNotNull();
            // the gate (DMN stage-gate, evaluated by the engine in the other JVM) needs a stated need on the scorecard
            app.getBean(com.summit.opportunity.service.ScorecardService.class).changeLevel(created.id(),
                    com.summit.opportunity.domain.ScoreElement.NEED, 1,
                    com.summit.opportunity.service.ScorecardService.Evidence.note("客户邮件：前海保税仓"), rep);
            assertThat(tasks.complete(task.task().id(), rep, """
                    {"leadSource":"PROSPECTING","statedNeed":"需要深圳前海的保税仓和到香港的跨境干线","servicesNeeded":["WAREHOUSING","LINE_HAUL"],"requestAdvance":true,
                     "estimatedAnnualValue":680}""", Locales.ZH_CN)).isEqualTo(TaskOutcome.COMPLETED);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(opportunities.find(created.id()).orElseThrow().stage()).isEqualTo(Stage.NEED_CONFIRMATION));

            // Elasticsearch is down: search says so, the changes wait in the outbox
            SearchService search = app.getBean(SearchService.class);
            assertThatThrownBy(() -> opportunities.search("保税", rep)).isInstanceOf(SearchUnavailableException.class);
            assertThat(search.pendingChanges()).isPositive();

            try (TestElasticsearch elasticsearch = new TestElasticsearch(data.resolve("es"), esHttp, esTransport).start()) {
                assertThat(elasticsearch.awaitReady(Duration.ofSeconds(120))).isTrue();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(search.pendingChanges()).isZero());
                // searchable within a refresh interval (no forced refresh)
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(opportunities.search("保税", rep)).extracting(Opportunity::id).containsExactly(created.id()));
                assertThat(opportunities.search("保税", rep)).extracting(Opportunity::stage).containsExactly(Stage.NEED_CONFIRMATION);
            }
        }
    }
}
