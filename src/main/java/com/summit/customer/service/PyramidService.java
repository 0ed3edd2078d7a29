package com.summit.customer.service;

import com.summit.base.i18n.Locales;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.TieringRepository;
import com.summit.security.domain.SummitUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The customer pyramid 客户金字塔 (METHODOLOGY §1): how many customers each tier has and what share of the gross profit it
 * brings over the trailing 12 complete months, the Pareto curve, and the top 20 % of customers by profit.
 */
@Service
public class PyramidService {

    private final TieringRepository tiering;

    PyramidService(TieringRepository tiering) {
        this.tiering = tiering;
    }

    public record Level(CustomerTier tier, int customers, BigDecimal profit, double profitShare) {}

    public record Ranked(int rank, long customerId, String name, CustomerTier tier, BigDecimal revenue, BigDecimal profit, double share,
            double cumulativeShare) {}

    /** The pyramid, the Pareto curve (cumulative profit share by rank) and the top 20 %. */
    public record Pyramid(List<Level> levels, List<Ranked> ranking, List<Ranked> top, BigDecimal totalProfit, double topShare,
            LocalDate from, LocalDate to) {}

    /** Over the customers the user may see: a rep their own, a manager or admin all. */
    public Pyramid pyramid(SummitUser user) {
        LocalDate to = LocalDate.now(Locales.ZONE).withDayOfMonth(1);
        LocalDate from = to.minusMonths(12);
        var rows = tiering.ranking(from, to, CustomerService.viewer(user));
        BigDecimal total = rows.stream().map(TieringRepository.Figures::profit12m).filter(p -> p.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<CustomerTier, int[]> counts = new EnumMap<>(CustomerTier.class);
        Map<CustomerTier, BigDecimal> profits = new EnumMap<>(CustomerTier.class);
        for (CustomerTier t : CustomerTier.values()) {
            counts.put(t, new int[1]);
            profits.put(t, BigDecimal.ZERO);
        }
        List<Ranked> ranking = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        int rank = 0;
        for (var row : rows) {
            counts.get(row.tier())[0]++;
            profits.merge(row.tier(), row.profit12m(), BigDecimal::add);
            cumulative = cumulative.add(row.profit12m().max(BigDecimal.ZERO));
            ranking.add(new Ranked(++rank, row.customerId(), row.name(), row.tier(), row.revenue12m(), row.profit12m(), share(row.profit12m(), total),
                    share(cumulative, total)));
        }
        List<Level> levels = new ArrayList<>();
        for (CustomerTier t : CustomerTier.values()) {
            levels.add(new Level(t, counts.get(t)[0], profits.get(t), share(profits.get(t), total)));
        }
        int topCount = (int) Math.ceil(ranking.size() * 0.2);
        List<Ranked> top = ranking.subList(0, topCount);
        double topShare = top.isEmpty() ? 0 : top.getLast().cumulativeShare();
        return new Pyramid(levels, ranking, List.copyOf(top), total, topShare, from, to);
    }

    private static double share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? 0 : part.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP).doubleValue();
    }
}
