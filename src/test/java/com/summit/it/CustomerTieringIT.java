package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.summit.base.i18n.Locales;
import com.summit.customer.domain.Customer;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.Industry;
import com.summit.customer.domain.TierChange;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.customer.service.TieringService;
import com.summit.engine.ProcessEngine;
import com.summit.notify.service.NotificationService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly re-tiering with the app's workers and the DMN on the engine: an upgrade is applied and tells the owner,
 * a downgrade below strategic is applied, a strategic customer's downgrade waits for the manager; every change is
 * kept with its reason.
 */
class CustomerTieringIT extends LocalAppIT {

    @Autowired CustomerService customers;
    @Autowired TieringService tiering;
    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired UserService users;
    @Autowired NotificationService notifications;

    @Test
    void theReTieringAppliesChangesWithReasonsAndAStrategicDowngradeWaitsForTheManager() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser manager = users.find("lina").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        Customer fading = customer("华东家电" + marker, CustomerTier.STRATEGIC, rep);
        Customer growing = customer("云购电商" + marker, CustomerTier.ORDINARY, rep);
        Customer small = customer("苏州精工" + marker, CustomerTier.IMPORTANT, rep);
        for (int k = 1; k <= 12; k++) {
            LocalDate month = LocalDate.now(Locales.ZONE).withDayOfMonth(1).minusMonths(k);
            tiering.recordRevenue(fading.id(), month, "WAREHOUSING", new BigDecimal("700000"), new BigDecimal("70000"));
            tiering.recordRevenue(growing.id(), month, "LINE_HAUL", new BigDecimal("2000000"), new BigDecimal("300000"));
            tiering.recordRevenue(small.id(), month, "DISTRIBUTION", new BigDecimal("50000"), new BigDecimal("4000"));
        }
        // this month's revenue is not a complete month yet: it does not count
        tiering.recordRevenue(small.id(), LocalDate.now(Locales.ZONE), "DISTRIBUTION", new BigDecimal("90000000"), new BigDecimal("9000000"));

        long instance = engine.start("customer-tiering", Map.of("afterId", fading.id() - 1, "batchSize", 10));

        // the upgrade is applied at once, with its reason, and the owner is told
        await().atMost(Duration.ofSeconds(30)).until(() -> customers.find(growing.id()).orElseThrow().tier() == CustomerTier.STRATEGIC);
        assertThat(tiering.history(growing.id())).singleElement().satisfies(c -> {
            assertThat(c.from()).isEqualTo(CustomerTier.ORDINARY);
            assertThat(c.status()).isEqualTo(TierChange.Status.APPLIED);
            assertThat(c.reason()).isEqualTo("PROFIT");
            assertThat(c.profit12m()).isEqualByComparingTo("3600000");
            assertThat(tiering.reasonText(c.reason(), c.revenue12m(), c.profit12m(), c.pipeline(), Locales.ZH_CN))
                    .isEqualTo("近 12 个月毛利 ¥3,600,000（收入 ¥24,000,000，在谈商机 ¥0）");
        });
        assertThat(notifications.recent(rep, Locales.ZH_CN)).anyMatch(n -> n.kind().equals("CUSTOMER_UPGRADED")
                && n.text().startsWith("客户“云购电商" + marker + "”升为战略客户"));
        // an important customer below the line is downgraded at once
        assertThat(customers.find(small.id()).orElseThrow().tier()).isEqualTo(CustomerTier.ORDINARY);
        assertThat(tiering.history(small.id())).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("BELOW"));

        // a strategic customer stays strategic until the manager confirms
        TaskRow confirm = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(manager).stream()
                .filter(r -> r.task().name().equals("确认战略客户降级") && r.task().variablesJson().contains("华东家电" + marker))
                .findFirst().orElse(null), java.util.Objects::nonNull);
        // in an instance of its own, which carries its own customer only
        assertThat(confirm.task().processInstanceKey()).isNotEqualTo(instance);
        assertThat(confirm.task().bpmnProcessId()).isEqualTo("customer-downgrade");
        assertThat(confirm.task().variablesJson()).doesNotContain("pendingDowngrades");
        assertThat(confirm.task().name()).isEqualTo("确认战略客户降级");
        // codes in the process, words on the page in the reader's language
        assertThat(confirm.task().variablesJson()).contains("华东家电" + marker, "\"toTier\": \"IMPORTANT\"", "\"reason\": \"PROFIT\"")
                .doesNotContain("重要客户", "近 12 个月毛利");
        assertThat(tasks.open(confirm.task().id(), manager, Locales.ZH_CN).formDataJson())
                .contains("重要客户", "近 12 个月毛利 ¥840,000（收入 ¥8,400,000");
        assertThat(tasks.open(confirm.task().id(), manager, Locales.EN).formDataJson())
                .contains("\"toTierName\":\"Important\"", "Gross profit of ¥840,000 over 12 months (revenue ¥8,400,000");
        assertThat(customers.find(fading.id()).orElseThrow().tier()).isEqualTo(CustomerTier.STRATEGIC);
        assertThat(tiering.history(fading.id())).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(TierChange.Status.PENDING));

        tasks.complete(confirm.task().id(), manager, "{\"downgradeDecision\": \"CONFIRM\", \"downgradeNote\": \"客户缩减华东业务\"}", Locales.ZH_CN);
        await().atMost(Duration.ofSeconds(30)).until(() -> customers.find(fading.id()).orElseThrow().tier() == CustomerTier.IMPORTANT);
        assertThat(tiering.history(fading.id())).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(TierChange.Status.CONFIRMED);
            assertThat(c.decidedBy()).isEqualTo("lina");
            assertThat(c.note()).isEqualTo("客户缩减华东业务");
        });

        // re-tiering again changes nothing that is already right
        var again = tiering.retierBatch(fading.id() - 1, 3);
        assertThat(again.changed()).isZero();
        assertThat(again.pending()).isEmpty();
    }

    @Autowired com.summit.tasklist.service.ProcessStartService starts;

    @Test
    void managersAndProcessOwnersMayStartTheReTieringByHandRepsMayNot() {
        assertThat(starts.startable(users.find("lina").orElseThrow())).extracting(com.summit.engine.ProcessModels.StartableProcess::bpmnProcessId)
                .contains("customer-tiering");
        assertThat(starts.startable(users.find("zhaomin").orElseThrow())).extracting(com.summit.engine.ProcessModels.StartableProcess::bpmnProcessId)
                .contains("customer-tiering");
        assertThat(starts.startable(users.find("zhangwei").orElseThrow())).extracting(com.summit.engine.ProcessModels.StartableProcess::bpmnProcessId)
                .doesNotContain("customer-tiering");
    }

    @Test
    void theDemoCustomersRevenueKeepsTheirTiers() {
        // the demo's eight showcase customers come first; their 24 months of revenue match the tiers they were given
        var demo = customers.visibleTo(users.find("admin").orElseThrow()).stream().filter(c -> c.name().endsWith("有限公司") || c.name().endsWith("股份有限公司"))
                .filter(c -> c.id() <= 8).toList();
        assertThat(demo).hasSize(8);
        var result = tiering.retierBatch(0, 8);
        assertThat(result.evaluated()).isEqualTo(8);
        assertThat(result.changed()).as("no demo customer changes tier").isZero();
        assertThat(result.pending()).isEmpty();
    }

    @Autowired com.summit.customer.service.PyramidService pyramids;

    @Test
    void theGeneratedDemoCustomersMakeARealisticPyramidWhoseTiersTheReTieringKeeps() {
        // the eight showcase customers (ids 1–8), then the 500 generated ones, all made on the empty database at start
        var demo = pyramids.pyramid(users.find("admin").orElseThrow()).ranking().stream().filter(r -> r.customerId() <= 8 + 500).toList();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(500 + 8);
        BigDecimal total = demo.stream().map(com.summit.customer.service.PyramidService.Ranked::profit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal top = demo.stream().limit((long) Math.ceil(demo.size() * 0.2)).map(com.summit.customer.service.PyramidService.Ranked::profit)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // about 20 % of the customers bring about 80 % of the profit
        assertThat(top.doubleValue() / total.doubleValue()).isBetween(0.65, 0.90);
        var tiers = demo.stream().collect(java.util.stream.Collectors.groupingBy(com.summit.customer.service.PyramidService.Ranked::tier,
                java.util.stream.Collectors.counting()));
        assertThat(tiers.get(CustomerTier.STRATEGIC)).as("strategic: a few per cent").isBetween(5L, 50L);
        assertThat(tiers.get(CustomerTier.IMPORTANT)).as("important: 15–25 %").isBetween(60L, 130L);
        assertThat(tiers.get(CustomerTier.ORDINARY)).as("ordinary: the rest").isGreaterThan(350L);
        System.out.printf("demo pyramid: %d customers, tiers %s, top 20 %% bring %.1f %% of the profit, owners %s%n", demo.size(), tiers,
                100 * top.doubleValue() / total.doubleValue(), customers.visibleTo(users.find("admin").orElseThrow()).stream()
                        .filter(c -> c.id() <= 8 + 500).collect(java.util.stream.Collectors.groupingBy(Customer::ownerUsername, java.util.TreeMap::new,
                                java.util.stream.Collectors.counting())));

        // their tiers are what the DMN says: the monthly re-tiering changes none and asks nobody
        var result = tiering.retierBatch(8, 500);
        assertThat(result.evaluated()).isEqualTo(500);
        assertThat(result.changed()).isZero();
        assertThat(result.pending()).isEmpty();
    }

    private Customer customer(String name, CustomerTier tier, SummitUser owner) {
        Customer c = customers.create(new NewCustomer(name, null, Industry.HOME_APPLIANCES, "安徽合肥"), owner);
        customers.assignTier(c.id(), tier);
        return c;
    }
}
