package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.base.i18n.Locales;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.customer.service.PyramidService;
import com.summit.customer.service.TieringService;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer pyramid over a rep's own ten customers: counts and profit share per tier, the Pareto ranking, the top 20 %. */
class PyramidIT extends LocalAppIT {

    @Autowired PyramidService pyramids;
    @Autowired CustomerService customers;
    @Autowired TieringService tiering;
    @Autowired UserService users;

    @Test
    void theTopTwentyPercentAndEachTiersShareOfProfitAreWhatTheRevenueSays() {
        String marker = UUID.randomUUID().toString().substring(0, 5);
        users.createIfMissing(new SummitUser("rep" + marker, "钱多多", Set.of(Role.REP), "华南大客户部", "lina"), "summit");
        SummitUser rep = users.find("rep" + marker).orElseThrow();
        // profits over 12 months: 4,800k and 2,400k (strategic), four at 240k (important), four at 60k (ordinary) = 8,400k
        long[] monthlyProfit = {400_000, 200_000, 20_000, 20_000, 20_000, 20_000, 5_000, 5_000, 5_000, 5_000};
        for (int i = 0; i < monthlyProfit.length; i++) {
            var c = customers.create(new NewCustomer("金字塔客户" + marker + "-" + i, null, Industry.FMCG, "广东广州"), rep);
            customers.assignTier(c.id(), i < 2 ? CustomerTier.STRATEGIC : i < 6 ? CustomerTier.IMPORTANT : CustomerTier.ORDINARY);
            for (int k = 1; k <= 12; k++) {
                LocalDate month = LocalDate.now(Locales.ZONE).withDayOfMonth(1).minusMonths(k);
                tiering.recordRevenue(c.id(), month, "WAREHOUSING", BigDecimal.valueOf(monthlyProfit[i] * 10), BigDecimal.valueOf(monthlyProfit[i]));
            }
        }

        PyramidService.Pyramid p = pyramids.pyramid(rep);
        assertThat(p.ranking()).hasSize(10);
        assertThat(p.totalProfit()).isEqualByComparingTo("8400000");
        assertThat(p.levels()).extracting(PyramidService.Level::tier, PyramidService.Level::customers, PyramidService.Level::profitShare)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CustomerTier.STRATEGIC, 2, 85.7),
                        org.assertj.core.groups.Tuple.tuple(CustomerTier.IMPORTANT, 4, 11.4),
                        org.assertj.core.groups.Tuple.tuple(CustomerTier.ORDINARY, 4, 2.9));
        assertThat(p.top()).extracting(PyramidService.Ranked::name).containsExactly("金字塔客户" + marker + "-0", "金字塔客户" + marker + "-1");
        assertThat(p.topShare()).isEqualTo(85.7);
        assertThat(p.ranking().getLast().cumulativeShare()).isEqualTo(100.0);
    }
}
