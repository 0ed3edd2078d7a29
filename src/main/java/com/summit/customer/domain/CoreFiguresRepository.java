package com.summit.customer.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Revenue and gross profit of a period per customer, per owner and per service (核心客户、核心员工、核心业务), over the
 * customers a viewer sees. One statement: the period's revenue rows are read and grouped once (per customer and
 * service); the three views and the totals are derived from that small set.
 * <p>
 * The revenue is read per visible customer (a lateral subquery on the primary key, customer and month): the planner
 * cannot estimate the visibility rule (an {@code or} of {@code exists}), and a plain join made it read the whole
 * period's rows even for a rep with a thousand customers. Over 100,000 customers and 7.2 million rows
 * ({@code CoreQueryBench}, 12 months, a busy 2-core machine): a rep's figures took 0.4–1 s with a plain join and take
 * about 85 ms; a manager's of 10,000 customers about 0.4 s; everyone's (admin) 4–5 s either way, as 2.4 million rows
 * are summed (bench/RESULTS.md).
 */
@Repository
public class CoreFiguresRepository {

    private final JdbcClient jdbc;

    CoreFiguresRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The period's totals: customers with revenue, revenue, profit, the sum of the positive profits (the base of the
     * customers' shares), and the core customers with their profit.
     */
    public record Totals(int customers, BigDecimal revenue, BigDecimal profit, BigDecimal positiveProfit, int coreCustomers,
            BigDecimal coreProfit) {}

    /**
     * A customer by rank (most profitable first); {@code cumulativeProfit} sums the positive profits up to and
     * including this one; {@code core} when the customers before it bring less than the core share of the profit.
     */
    public record CustomerFigures(int rank, long customerId, String name, CustomerTier tier, String owner, BigDecimal revenue,
            BigDecimal profit, BigDecimal cumulativeProfit, boolean core) {}

    /** An owner's or a service's figures: how many customers, revenue, profit. */
    public record GroupFigures(String key, int customers, BigDecimal revenue, BigDecimal profit) {}

    public record Figures(Totals totals, List<CustomerFigures> customers, List<GroupFigures> owners, List<GroupFigures> services) {}

    /**
     * Figures over the months in [from, to) of the customers the viewer sees: the totals, the {@code limit} most
     * profitable customers, every owner and every service, each group most profitable first. A customer is core
     * while the customers ranked before it bring less than {@code coreShare} (0–1) of the positive profit.
     */
    public Figures figures(LocalDate from, LocalDate to, CustomerRepository.Viewer viewer, int limit, BigDecimal coreShare) {
        List<Row> rows = CustomerRepository.bindViewer(jdbc.sql("""
                with base as materialized (
                    select c.id as customer_id, c.owner_username as owner, x.service, x.revenue, x.profit
                    from customer c
                    cross join lateral (
                        select r.service, sum(r.revenue) as revenue, sum(r.gross_profit) as profit from customer_revenue r
                        where r.customer_id = c.id and r.month >= :from and r.month < :to group by r.service) x
                    where""" + CustomerRepository.VISIBLE + """
                ),
                per_customer as (
                    select customer_id, owner, sum(revenue) as revenue, sum(profit) as profit from base group by customer_id, owner
                ),
                ranked as (
                    select customer_id, revenue, profit,
                           row_number() over w as rank,
                           sum(greatest(profit, 0)) over w as cumulative
                    from per_customer
                    window w as (order by profit desc, customer_id rows between unbounded preceding and current row)
                ),
                totals as (
                    select count(*) as customers, coalesce(sum(revenue), 0) as revenue, coalesce(sum(profit), 0) as profit,
                           coalesce(sum(greatest(profit, 0)), 0) as positive
                    from per_customer
                ),
                marked as (
                    select r.*, (r.profit > 0 and r.cumulative - r.profit < :core * t.positive) as core from ranked r, totals t
                )
                select 'T' as kind, 0::bigint as rank, null::bigint as id, null as label, null as tier, null as owner,
                       t.customers, t.revenue, t.profit, t.positive as cumulative, false as core
                from totals t
                union all
                select 'K', 0, null, null, null, null, count(*), 0, coalesce(sum(profit), 0), 0, true from marked where core
                union all
                select 'C', m.rank, c.id, c.name, c.tier, c.owner_username, 1, m.revenue, m.profit, m.cumulative, m.core
                from marked m join customer c on c.id = m.customer_id where m.rank <= :limit
                union all
                select 'O', 0, null, owner, null, null, count(*), sum(revenue), sum(profit), 0, false from per_customer group by owner
                union all
                select 'S', 0, null, service, null, null, count(*), sum(revenue), sum(profit), 0, false from base group by service"""), viewer)
                .param("from", from).param("to", to).param("limit", limit).param("core", coreShare)
                .query(CoreFiguresRepository::row).list();
        Totals totals = null;
        int coreCustomers = 0;
        BigDecimal coreProfit = BigDecimal.ZERO;
        List<CustomerFigures> customers = new ArrayList<>();
        List<GroupFigures> owners = new ArrayList<>();
        List<GroupFigures> services = new ArrayList<>();
        for (Row r : rows) {
            switch (r.kind()) {
                case "T" -> totals = new Totals(r.count(), r.revenue(), r.profit(), r.cumulative(), 0, BigDecimal.ZERO);
                case "K" -> {
                    coreCustomers = r.count();
                    coreProfit = r.profit();
                }
                case "C" -> customers.add(new CustomerFigures(r.rank(), r.id(), r.label(), CustomerTier.valueOf(r.tier()), r.owner(), r.revenue(),
                        r.profit(), r.cumulative(), r.core()));
                case "O" -> owners.add(new GroupFigures(r.label(), r.count(), r.revenue(), r.profit()));
                default -> services.add(new GroupFigures(r.label(), r.count(), r.revenue(), r.profit()));
            }
        }
        if (totals == null) {
            throw new IllegalStateException("the totals row is missing");
        }
        customers.sort(java.util.Comparator.comparingInt(CustomerFigures::rank));
        java.util.Comparator<GroupFigures> byProfit = java.util.Comparator.comparing(GroupFigures::profit).reversed()
                .thenComparing(GroupFigures::key);
        owners.sort(byProfit);
        services.sort(byProfit);
        return new Figures(new Totals(totals.customers(), totals.revenue(), totals.profit(), totals.positiveProfit(), coreCustomers, coreProfit),
                List.copyOf(customers), List.copyOf(owners), List.copyOf(services));
    }

    /** One row of the statement: which part it belongs to ({@code kind}) and that part's columns. */
    private record Row(String kind, int rank, long id, String label, String tier, String owner, int count, BigDecimal revenue,
            BigDecimal profit, BigDecimal cumulative, boolean core) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("kind"), rs.getInt("rank"), rs.getLong("id"), rs.getString("label"), rs.getString("tier"),
                rs.getString("owner"), rs.getInt("customers"), rs.getBigDecimal("revenue"), rs.getBigDecimal("profit"),
                rs.getBigDecimal("cumulative"), rs.getBoolean("core"));
    }
}
