package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.summit.customer.domain.Industry;
import com.summit.customer.domain.LogisticsService;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.search.service.SearchUnavailableException;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Local mode starts a killed Elasticsearch again by itself; search comes back and the outbox catches up. */
class ElasticsearchRestartIT extends LocalAppIT {

    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired UserService users;

    @Test
    void aKilledElasticsearchIsStartedAgainAndTheChangesMadeMeanwhileBecomeSearchable() throws Exception {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var pidFile = DATA.resolve("elasticsearch.pid");
        await().atMost(Duration.ofSeconds(180)).until(() -> Files.exists(pidFile) && searchAnswers(rep));
        long pid = Long.parseLong(Files.readString(pidFile).strip());

        ProcessHandle launcher = ProcessHandle.of(pid).orElseThrow();
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !searchAnswers(rep));

        var customer = customers.create(new NewCustomer("宁波港口物流" + marker, null, Industry.RETAIL, "浙江宁波"), rep);
        Opportunity meanwhile = opportunities.create(new NewOpportunity(customer.id(), "港口短驳" + marker, null, new BigDecimal("900000"),
                Set.of(LogisticsService.LINE_HAUL)), rep);

        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(searchOrEmpty(marker, rep)).extracting(Opportunity::id).containsExactly(meanwhile.id()));
        assertThat(Long.parseLong(Files.readString(pidFile).strip())).as("a new Elasticsearch process").isNotEqualTo(pid);
    }

    private boolean searchAnswers(SummitUser rep) {
        try {
            opportunities.search("探测", rep);
            return true;
        } catch (SearchUnavailableException e) {
            return false;
        }
    }

    private java.util.List<Opportunity> searchOrEmpty(String text, SummitUser rep) {
        try {
            return opportunities.search(text, rep);
        } catch (SearchUnavailableException e) {
            return java.util.List.of();
        }
    }
}
