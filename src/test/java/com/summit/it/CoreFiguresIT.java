package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CoreService;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.customer.service.TieringService;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Core customers, staff and services over a fresh manager's team: two reps, four customers, revenue by service over
 * three known months (and some outside the period), figures checked by hand.
 */
class CoreFiguresIT extends LocalAppIT {

    @Autowired CoreService core;
    @Autowired CustomerService customers;
    @Autowired TieringService tiering;
    @Autowired UserService users;
    @Autowired Messages messages;

    /** The three complete months before this one: m1 the oldest, m3 the last. */
    final YearMonth m3 = YearMonth.now(Locales.ZONE).minusMonths(1);
    final YearMonth m2 = m3.minusMonths(1);
    final YearMonth m1 = m3.minusMonths(2);
    String marker;
    SummitUser manager;
    SummitUser rep1;
    SummitUser rep2;

    @BeforeEach
    void aTeamWithFourCustomers() {
        marker = UUID.randomUUID().toString().substring(0, 6);
        manager = user("mgr", "核心经理" + marker, Role.MANAGER, null);
        rep1 = user("rep1", "核心甲" + marker, Role.REP, manager.username());
        rep2 = user("rep2", "核心乙" + marker, Role.REP, manager.username());
        // per month: A warehousing 100k (profit 30k) and line haul 50k (10k); B line haul 60k (15k);
        // C cold chain 40k (10k) in m1 only; D distribution 20k at a loss of 2k
        long a = customer("A", rep1);
        long b = customer("B", rep1);
        long c = customer("C", rep2);
        long d = customer("D", rep2);
        for (YearMonth m : new YearMonth[] {m1, m2, m3}) {
            revenue(a, m, "WAREHOUSING", 100_000, 30_000);
            revenue(a, m, "LINE_HAUL", 50_000, 10_000);
            revenue(b, m, "LINE_HAUL", 60_000, 15_000);
            revenue(d, m, "DISTRIBUTION", 20_000, -2_000);
        }
        revenue(c, m1, "COLD_CHAIN", 40_000, 10_000);
        // outside the period: the incomplete current month, and the month before m1
        revenue(a, m3.plusMonths(1), "WAREHOUSING", 9_000_000, 3_000_000);
        revenue(d, m1.minusMonths(1), "CONTRACT_LOGISTICS", 9_000_000, 3_000_000);
    }

    @Test
    void theManagerSeesEachCustomerRepAndServiceWithTheirShareAndTheCoreCustomersBringTheFirstEightyPercent() {
        CoreService.Figures f = core.figures(manager, m1, m3);

        // revenue 450k + 180k + 40k + 60k; profit 120k + 45k + 10k - 6k; positive profit 175k
        assertThat(f.customerCount()).isEqualTo(4);
        assertThat(f.revenue()).isEqualByComparingTo("730000");
        assertThat(f.profit()).isEqualByComparingTo("169000");
        assertThat(f.margin()).isEqualByComparingTo("23.2");
        assertThat(f.customers()).extracting(CoreService.CustomerLine::rank, CoreService.CustomerLine::name, CoreService.CustomerLine::ownerName,
                l -> l.revenue().intValue(), l -> l.profit().intValue(), l -> l.margin().doubleValue(), CoreService.CustomerLine::share,
                CoreService.CustomerLine::cumulativeShare, CoreService.CustomerLine::core)
                .containsExactly(
                        tuple(1, name("A"), "核心甲" + marker, 450_000, 120_000, 26.7, 68.6, 68.6, true),
                        tuple(2, name("B"), "核心甲" + marker, 180_000, 45_000, 25.0, 25.7, 94.3, true),
                        tuple(3, name("C"), "核心乙" + marker, 40_000, 10_000, 25.0, 5.7, 100.0, false),
                        tuple(4, name("D"), "核心乙" + marker, 60_000, -6_000, -10.0, 0.0, 100.0, false));
        assertThat(f.coreCount()).isEqualTo(2);
        assertThat(f.coreCustomerShare()).isEqualTo(50.0);
        assertThat(f.coreProfitShare()).isEqualTo(94.3);

        assertThat(f.staff()).extracting(CoreService.StaffLine::owner, CoreService.StaffLine::ownerName, CoreService.StaffLine::customers,
                s -> s.revenue().intValue(), s -> s.profit().intValue(), s -> s.margin().doubleValue(), CoreService.StaffLine::share)
                .containsExactly(
                        tuple(rep1.username(), "核心甲" + marker, 2, 630_000, 165_000, 26.2, 97.6),
                        tuple(rep2.username(), "核心乙" + marker, 2, 100_000, 4_000, 4.0, 2.4));

        assertThat(f.services()).extracting(CoreService.ServiceLine::service, CoreService.ServiceLine::customers, s -> s.revenue().intValue(),
                s -> s.profit().intValue(), s -> s.margin() == null ? null : s.margin().doubleValue(), CoreService.ServiceLine::share)
                .containsExactly(
                        tuple("WAREHOUSING", 1, 300_000, 90_000, 30.0, 53.3),
                        tuple("LINE_HAUL", 2, 330_000, 75_000, 22.7, 44.4),
                        tuple("COLD_CHAIN", 1, 40_000, 10_000, 25.0, 5.9),
                        tuple("CONTRACT_LOGISTICS", 0, 0, 0, null, 0.0),
                        tuple("DISTRIBUTION", 1, 60_000, -6_000, -10.0, -3.6));
    }

    @Test
    void aPeriodWithoutTheFirstMonthLeavesOutItsRevenue() {
        CoreService.Figures f = core.figures(manager, m2, m3);

        // C had revenue in m1 only; A 300k (80k), B 120k (30k), D 40k (-4k); positive profit 110k
        assertThat(f.customerCount()).isEqualTo(3);
        assertThat(f.revenue()).isEqualByComparingTo("460000");
        assertThat(f.profit()).isEqualByComparingTo("106000");
        assertThat(f.customers()).extracting(CoreService.CustomerLine::name, CoreService.CustomerLine::share, CoreService.CustomerLine::cumulativeShare,
                CoreService.CustomerLine::core)
                .containsExactly(tuple(name("A"), 72.7, 72.7, true), tuple(name("B"), 27.3, 100.0, true), tuple(name("D"), 0.0, 100.0, false));
        assertThat(f.staff()).extracting(CoreService.StaffLine::owner, CoreService.StaffLine::customers, s -> s.profit().intValue())
                .containsExactly(tuple(rep1.username(), 2, 110_000), tuple(rep2.username(), 1, -4_000));
        assertThat(f.services()).filteredOn(s -> s.service().equals("COLD_CHAIN")).singleElement()
                .satisfies(s -> assertThat(s.customers()).isZero()).satisfies(s -> assertThat(s.revenue()).isEqualByComparingTo("0"));

        // the last month alone
        CoreService.Figures last = core.figures(manager, m3, m3);
        assertThat(last.period().months()).isEqualTo(1);
        assertThat(last.revenue()).isEqualByComparingTo("230000");
    }

    @Test
    void aRepSeesOnlyTheirOwnCustomersAndAnotherRepNoneOfThem() {
        CoreService.Figures mine = core.figures(rep1, m1, m3);
        assertThat(mine.customers()).extracting(CoreService.CustomerLine::name).containsExactly(name("A"), name("B"));
        assertThat(mine.staff()).extracting(CoreService.StaffLine::owner).containsExactly(rep1.username());
        assertThat(mine.profit()).isEqualByComparingTo("165000");

        SummitUser stranger = user("rep3", "局外人" + marker, Role.REP, null);
        CoreService.Figures theirs = core.figures(stranger, m1, m3);
        assertThat(theirs.customerCount()).isZero();
        assertThat(theirs.customers()).isEmpty();
        assertThat(theirs.staff()).isEmpty();
        assertThat(theirs.revenue()).isEqualByComparingTo("0");
        assertThat(theirs.margin()).isNull();
        assertThat(theirs.services()).hasSize(5).allSatisfy(s -> assertThat(s.customers()).isZero());
    }

    @Test
    void aBadPeriodIsRefusedInChinese() {
        assertThat(refusal(m3, m1)).isEqualTo("起始月份 " + m3 + " 晚于截止月份 " + m1 + "，请重新选择");
        assertThat(refusal(m3.minusMonths(36), m3)).isEqualTo("期间最长 36 个月，所选期间有 37 个月");
        assertThat(refusal(null, m3)).isEqualTo("请选择起始月份和截止月份");
        assertThat(refusal(m1, null)).isEqualTo("请选择起始月份和截止月份");
        // 36 months is allowed
        assertThat(core.figures(manager, m3.minusMonths(35), m3).customerCount()).isEqualTo(4);
    }

    private String refusal(YearMonth from, YearMonth to) {
        UserFacingException e = catchThrowableOfType(UserFacingException.class, () -> core.figures(manager, from, to));
        assertThat(e).as("refused: %s to %s", from, to).isNotNull();
        return messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments());
    }

    private SummitUser user(String prefix, String displayName, Role role, String managerUsername) {
        String username = prefix + marker;
        users.createIfMissing(new SummitUser(username, displayName, Set.of(role), "核心" + marker, managerUsername), "summit");
        return users.find(username).orElseThrow();
    }

    private String name(String letter) {
        return "核心客户" + marker + "-" + letter;
    }

    private long customer(String letter, SummitUser owner) {
        return customers.create(new NewCustomer(name(letter), null, Industry.FMCG, "广东深圳"), owner).id();
    }

    private void revenue(long customerId, YearMonth month, String service, long revenue, long profit) {
        tiering.recordRevenue(customerId, month.atDay(1), service, BigDecimal.valueOf(revenue), BigDecimal.valueOf(profit));
    }
}
