package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import com.summit.base.UserFacingException;
import com.summit.customer.domain.Industry;
import com.summit.customer.domain.LogisticsService;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.search.domain.OutboxRepository;
import com.summit.search.service.SearchAdministration;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search never gets stuck: a document Elasticsearch rejects is set aside with its error, retried later and shown to
 * admins, while the other changes flow on; a rebuild from PostgreSQL puts everything back.
 */
class SearchOutboxIT extends LocalAppIT {

    @Autowired ElasticsearchClient elasticsearch;
    @Autowired SearchAdministration administration;
    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired UserService users;

    @Test
    void aRejectedDocumentIsSetAsideWhileTheOthersBecomeSearchableAndARebuildRestoresIt() throws Exception {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser admin = users.find("admin").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> elasticsearch.cluster().health().numberOfNodes() > 0);
        // an index whose mapping refuses large amounts, as a wrongly changed mapping in production might
        // (the indexer may write into the index between the delete and the create: then again)
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            elasticsearch.indices().delete(d -> d.index("summit-opportunity").ignoreUnavailable(true));
            elasticsearch.indices().create(c -> c.index("summit-opportunity").mappings(m -> m
                    .properties("name", Property.of(p -> p.text(t -> t)))
                    .properties("amount", Property.of(p -> p.byte_(b -> b)))));
            return true;
        });
        var customer = customers.create(new NewCustomer("杭州跨境电商" + marker, null, Industry.ECOMMERCE, "浙江杭州"), rep);
        Opportunity small = opportunities.create(new NewOpportunity(customer.id(), "样品快递" + marker, null, new BigDecimal("100"),
                Set.of(LogisticsService.DISTRIBUTION)), rep);
        Opportunity large = opportunities.create(new NewOpportunity(customer.id(), "海外仓" + marker, null, new BigDecimal("3000000"),
                Set.of(LogisticsService.WAREHOUSING)), rep);

        // the small one is found; the large one is set aside with Elasticsearch's reason, and the outbox moves on
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(opportunities.search(marker, rep)).extracting(Opportunity::id).containsExactly(small.id()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(setAsideOf(large, admin)).isNotNull());
        OutboxRepository.SetAside entry = setAsideOf(large, admin);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.lastError()).contains("amount");
        assertThat(entry.nextAttemptAt()).isAfter(java.time.Instant.now());
        Opportunity later = opportunities.create(new NewOpportunity(customer.id(), "退货处理" + marker, null, new BigDecimal("50"),
                Set.of(LogisticsService.DISTRIBUTION)), rep);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(opportunities.search(marker, rep)).extracting(Opportunity::id).containsExactlyInAnyOrder(small.id(), later.id()));

        // an admin retries it at once: still rejected, one attempt more
        assertThat(administration.retryNow(entry.id(), admin)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(setAsideOf(large, admin).attempts()).isEqualTo(2));
        // nobody else sees or touches this
        assertThatThrownBy(() -> administration.overview(rep)).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> administration.retryNow(null, rep)).isInstanceOf(UserFacingException.class);

        // the rebuild from PostgreSQL drops the wrong index, writes every record again and clears what was set aside
        administration.rebuild(admin);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(opportunities.search(marker, rep))
                .extracting(Opportunity::id).containsExactlyInAnyOrder(small.id(), large.id(), later.id()));
        assertThat(setAsideOf(large, admin)).isNull();
        assertThat(administration.overview(admin).setAside()).isZero();
    }

    private OutboxRepository.SetAside setAsideOf(Opportunity deal, SummitUser admin) {
        return administration.overview(admin).entries().stream()
                .filter(e -> e.entityType().equals("opportunity") && e.entityId() == deal.id()).findFirst().orElse(null);
    }
}
