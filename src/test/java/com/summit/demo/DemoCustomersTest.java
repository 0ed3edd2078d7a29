package com.summit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.customer.service.CreditCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated demo customers: real-looking, unique, the same on every start, and a realistic pyramid. */
class DemoCustomersTest {

    private static final LocalDate THIS_MONTH = LocalDate.of(2026, 11, 1);
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final List<String> SHOWCASE = DemoData.CASES.stream().map(DemoData.Case::customer).toList();
    private static final List<String> SHOWCASE_CODES = java.util.stream.IntStream.rangeClosed(1, DemoData.CASES.size())
            .mapToObj(DemoData::creditCode).toList();

    private final List<DemoCustomers.Customer> customers = DemoCustomers.generate(DemoCustomers.SEED, DemoCustomers.COUNT, THIS_MONTH, NOW,
            SHOWCASE, SHOWCASE_CODES);

    @Test
    void theSameSeedGivesTheSameCustomers() {
        var again = DemoCustomers.generate(DemoCustomers.SEED, DemoCustomers.COUNT, THIS_MONTH, NOW, SHOWCASE, SHOWCASE_CODES);
        assertThat(again).isEqualTo(customers);
    }

    @Test
    void namesAndCreditCodesAreUniqueValidAndNotTheShowcaseOnes() {
        assertThat(customers).hasSize(500);
        assertThat(customers).extracting(DemoCustomers.Customer::name).doesNotHaveDuplicates().doesNotContainAnyElementsOf(SHOWCASE)
                .allMatch(n -> n.endsWith("有限公司") && n.codePointCount(0, n.length()) <= 100);
        assertThat(customers).extracting(DemoCustomers.Customer::creditCode).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(SHOWCASE_CODES).allMatch(CreditCode::isValid);
        customers.stream().limit(12).forEach(c -> System.out.println(c.name() + " " + c.creditCode() + " " + c.region() + " " + c.address()
                + " " + c.owner() + " " + c.contact() + " " + c.services() + " " + c.trend()));
    }

    @Test
    void everyCustomerHasTwentyFourCompleteMonthsOrSomeOfThemWhenSporadic() {
        for (var c : customers) {
            assertThat(c.revenue()).allMatch(m -> m.month().isBefore(THIS_MONTH) && !m.month().isBefore(THIS_MONTH.minusMonths(24))
                    && m.revenue().signum() > 0 && m.profit().signum() > 0);
            assertThat(c.services()).hasSizeBetween(1, 4);
        }
        long sporadic = customers.stream().filter(c -> c.revenue().stream().map(DemoCustomers.Month::month).distinct().count() < 24).count();
        assertThat(sporadic).isBetween(30L, 150L);
        Map<DemoCustomers.Trend, Long> trends = customers.stream().collect(Collectors.groupingBy(DemoCustomers.Customer::trend, Collectors.counting()));
        assertThat(trends.get(DemoCustomers.Trend.GROWING)).isBetween(100L, 150L);
        assertThat(trends.get(DemoCustomers.Trend.STABLE)).isBetween(220L, 280L);
        assertThat(trends.get(DemoCustomers.Trend.DECLINING)).isBetween(100L, 150L);
    }

    @Test
    void thePyramidLooksLikeARealOne() {
        // the DMN customer-tier's default thresholds, without pipeline
        List<BigDecimal[]> figures = customers.stream().map(c -> c.last12(THIS_MONTH)).sorted(Comparator.comparing((BigDecimal[] f) -> f[1]).reversed()).toList();
        BigDecimal total = figures.stream().map(f -> f[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal top = figures.stream().limit(100).map(f -> f[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
        double topShare = top.doubleValue() / total.doubleValue();
        long strategic = figures.stream().filter(f -> f[1].doubleValue() >= 3_000_000 || f[0].doubleValue() >= 30_000_000).count();
        long important = figures.stream().filter(f -> !(f[1].doubleValue() >= 3_000_000 || f[0].doubleValue() >= 30_000_000))
                .filter(f -> f[1].doubleValue() >= 800_000 || f[0].doubleValue() >= 8_000_000).count();
        System.out.printf("top 20%% share %.1f %%, strategic %d, important %d, ordinary %d, total profit %s%n", topShare * 100, strategic, important,
                500 - strategic - important, total);
        assertThat(topShare).isBetween(0.65, 0.90);
        assertThat(strategic).isBetween(8L, 30L);
        assertThat(important).isBetween(75L, 125L);
    }
}
