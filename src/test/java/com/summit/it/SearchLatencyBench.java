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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "A new record is searchable within 2 s" (issue #12 part 5): the time from a deal's creation returning to the rep's
 * search finding it, through the outbox, the indexer and Elasticsearch's own refresh (1 s, none forced), on the
 * local mode's real Elasticsearch. Not part of {@code ./summit test}; run it with {@code bench/search.sh}.
 */
class SearchLatencyBench extends LocalAppIT {

    static final int RECORDS = Integer.getInteger("bench.records", 50);

    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired UserService users;

    @Test
    void newDealSearchable() throws Exception {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        await().atMost(Duration.ofSeconds(180)).until(() -> answers(rep));
        var customer = customers.create(new NewCustomer("检索基准客户", null, Industry.RETAIL, "上海"), rep);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < RECORDS + 5; i++) {
            String marker = "检索基准" + Long.toString(System.nanoTime(), 36);
            Opportunity created = opportunities.create(new NewOpportunity(customer.id(), marker, null, new BigDecimal("500000"),
                    Set.of(LogisticsService.WAREHOUSING)), rep);
            long start = System.nanoTime();
            while (opportunities.search(marker, rep).stream().noneMatch(o -> o.id() == created.id())) {
                Thread.sleep(20);
                assertThat(System.nanoTime() - start).as("found within a minute").isLessThan(60_000_000_000L);
            }
            if (i >= 5) {
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            Thread.sleep(300); // records arrive spread out, as people make them
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        long within = millis.stream().filter(m -> m <= 2000).count();
        String report = String.format("new deal -> found by search, local Elasticsearch, %d deals: p50 %d ms, p95 %d ms, max %d ms; "
                        + "%d of %d within 2 s%n", RECORDS, sorted[RECORDS / 2 - 1], sorted[RECORDS * 95 / 100 - 1], sorted[RECORDS - 1],
                within, RECORDS);
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "search.txt"), report);
    }

    private boolean answers(SummitUser rep) {
        try {
            opportunities.search("探测", rep);
            return true;
        } catch (SearchUnavailableException e) {
            return false;
        }
    }
}
