package com.summit.customer.service;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.customer.domain.CoreFiguresRepository;
import com.summit.customer.domain.CustomerTier;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Core customers, core staff, core services 核心客户、核心员工、核心业务 (METHODOLOGY §6): revenue, gross profit, margin and
 * share of profit per customer, per rep (the customers' owner) and per service over a period of whole months, over
 * the customers the user may see. Core customers are the most profitable ones that together bring the first 80 % of
 * the profit.
 */
@Service
public class CoreService {

    /** The longest period one can ask for, in months. */
    public static final int MAX_MONTHS = 36;
    /** How many customers the ranking lists at most (the totals and the core count cover all of them). */
    public static final int CUSTOMER_ROWS = 500;
    /** Core customers bring this share of the profit. */
    public static final int CORE_PERCENT = 80;
    /** The services the methodology names, in its order; a service without revenue is listed with zeros. */
    public static final List<String> SERVICES = List.of("WAREHOUSING", "LINE_HAUL", "DISTRIBUTION", "CONTRACT_LOGISTICS", "COLD_CHAIN");

    private final CoreFiguresRepository repository;
    private final UserService users;

    CoreService(CoreFiguresRepository repository, UserService users) {
        this.repository = repository;
        this.users = users;
    }

    /** A period of whole months, both ends included. */
    public record Period(YearMonth from, YearMonth to) {

        public int months() {
            return (int) ChronoUnit.MONTHS.between(from, to) + 1;
        }
    }

    /** The last 12 complete months in China time (the current month is not complete). */
    public static Period lastTwelveMonths() {
        YearMonth last = YearMonth.now(Locales.ZONE).minusMonths(1);
        return new Period(last.minusMonths(11), last);
    }

    /** The last complete calendar year. */
    public static Period lastYear() {
        int year = YearMonth.now(Locales.ZONE).getYear() - 1;
        return new Period(YearMonth.of(year, 1), YearMonth.of(year, 12));
    }

    /** The months one may choose, newest first: the current one and the five years before it. */
    public static List<YearMonth> selectableMonths() {
        YearMonth now = YearMonth.now(Locales.ZONE);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            months.add(now.minusMonths(i));
        }
        return months;
    }

    /** Margin in % with one decimal, null without revenue. */
    public record CustomerLine(int rank, long customerId, String name, CustomerTier tier, String ownerName, BigDecimal revenue, BigDecimal profit,
            BigDecimal margin, double share, double cumulativeShare, boolean core) {}

    public record StaffLine(String owner, String ownerName, int customers, BigDecimal revenue, BigDecimal profit, BigDecimal margin,
            double share) {}

    public record ServiceLine(String service, int customers, BigDecimal revenue, BigDecimal profit, BigDecimal margin, double share) {}

    /**
     * The figures of a period. Customers' shares are of the positive profit (as in the pyramid), so that the
     * cumulative share ends at 100 %; staff and services' shares are of the total profit. {@code customers} lists the
     * {@link #CUSTOMER_ROWS} most profitable of {@code customerCount}.
     */
    public record Figures(Period period, BigDecimal revenue, BigDecimal profit, BigDecimal margin, int customerCount, int coreCount,
            double coreCustomerShare, double coreProfitShare, List<CustomerLine> customers, List<StaffLine> staff, List<ServiceLine> services) {}

    /**
     * The figures of the months from {@code from} to {@code to} (both included) over the customers the user may see.
     * A missing month, a start after the end or more than {@link #MAX_MONTHS} months is refused, and nothing is read.
     */
    public Figures figures(SummitUser user, YearMonth from, YearMonth to) {
        Period period = check(from, to);
        var f = repository.figures(from.atDay(1), to.plusMonths(1).atDay(1), CustomerService.viewer(user), CUSTOMER_ROWS,
                BigDecimal.valueOf(CORE_PERCENT).movePointLeft(2));
        var totals = f.totals();
        // as CustomerService.displayName says it, with the names read once
        Map<String, String> names = users.displayNames();
        java.util.function.Function<String, String> name = u -> u == null ? "—" : names.getOrDefault(u, u);
        List<CustomerLine> customerLines = f.customers().stream()
                .map(c -> new CustomerLine(c.rank(), c.customerId(), c.name(), c.tier(), name.apply(c.owner()), c.revenue(), c.profit(),
                        margin(c.profit(), c.revenue()), share(c.profit().max(BigDecimal.ZERO), totals.positiveProfit()), share(c.cumulativeProfit(), totals.positiveProfit()),
                        c.core()))
                .toList();
        List<StaffLine> staff = f.owners().stream()
                .map(o -> new StaffLine(o.key(), name.apply(o.key()), o.customers(), o.revenue(), o.profit(), margin(o.profit(), o.revenue()),
                        share(o.profit(), totals.profit())))
                .toList();
        Map<String, ServiceLine> services = new LinkedHashMap<>();
        for (var s : f.services()) {
            services.put(s.key(), new ServiceLine(s.key(), s.customers(), s.revenue(), s.profit(), margin(s.profit(), s.revenue()),
                    share(s.profit(), totals.profit())));
        }
        for (String s : SERVICES) {
            services.putIfAbsent(s, new ServiceLine(s, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, 0));
        }
        List<ServiceLine> serviceLines = new ArrayList<>(services.values());
        // most profitable first; a tie in the methodology's order
        serviceLines.sort(java.util.Comparator.comparing(ServiceLine::profit).reversed().thenComparing(s -> order(s.service())));
        double coreCustomers = totals.customers() == 0 ? 0 : round1(100.0 * totals.coreCustomers() / totals.customers());
        return new Figures(period, totals.revenue(), totals.profit(), margin(totals.profit(), totals.revenue()), totals.customers(),
                totals.coreCustomers(), coreCustomers, share(totals.coreProfit(), totals.positiveProfit()), customerLines, staff,
                List.copyOf(serviceLines));
    }

    private static int order(String service) {
        int i = SERVICES.indexOf(service);
        return i < 0 ? SERVICES.size() : i;
    }

    private static Period check(YearMonth from, YearMonth to) {
        if (from == null || to == null) {
            throw new UserFacingException("core.error.periodMissing");
        }
        if (from.isAfter(to)) {
            throw new UserFacingException("core.error.periodOrder", from.toString(), to.toString());
        }
        Period period = new Period(from, to);
        if (period.months() > MAX_MONTHS) {
            throw new UserFacingException("core.error.periodTooLong", MAX_MONTHS, period.months());
        }
        return period;
    }

    /** Profit over revenue in %, one decimal; null without revenue. */
    static BigDecimal margin(BigDecimal profit, BigDecimal revenue) {
        return revenue.signum() == 0 ? null : profit.multiply(BigDecimal.valueOf(100)).divide(revenue, 1, RoundingMode.HALF_UP);
    }

    /** A part of a positive total in %, one decimal; 0 when there is nothing to share. */
    static double share(BigDecimal part, BigDecimal total) {
        return total.signum() <= 0 ? 0 : part.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP).doubleValue();
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
