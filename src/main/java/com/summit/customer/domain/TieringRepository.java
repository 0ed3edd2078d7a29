package com.summit.customer.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Revenue by month and service, the figures the tiering reads, and the tier history. */
@Repository
public class TieringRepository {

    private static final String CHANGE_COLUMNS = """
            id, customer_id, from_tier, to_tier, reason, revenue_12m, profit_12m, pipeline, status, changed_by, created_at,
            decided_by, decided_at, note""";

    private final JdbcClient jdbc;

    public TieringRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records (or corrects) one month's revenue and gross profit of a service. */
    public void upsertRevenue(long customerId, LocalDate month, String service, BigDecimal revenue, BigDecimal profit) {
        jdbc.sql("""
                insert into customer_revenue (customer_id, month, service, revenue, gross_profit) values (:c, :m, :s, :r, :p)
                on conflict (customer_id, month, service) do update set revenue = excluded.revenue, gross_profit = excluded.gross_profit""")
                .param("c", customerId).param("m", month.withDayOfMonth(1)).param("s", service).param("r", revenue).param("p", profit)
                .update();
    }

    /** A customer as the tiering sees it: its tier now, its owner, and 12 months of revenue and profit. */
    public record Figures(long customerId, String name, CustomerTier tier, String reason, String owner, BigDecimal revenue12m,
            BigDecimal profit12m) {}

    /** The next batch of customers after {@code afterId}, with their revenue and profit in [from, to). */
    public List<Figures> batch(long afterId, int size, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select c.id, c.name, c.tier, c.tier_reason, c.owner_username,
                       coalesce(sum(r.revenue), 0) as revenue, coalesce(sum(r.gross_profit), 0) as profit
                from (select * from customer where id > :after order by id limit :size) c
                left join customer_revenue r on r.customer_id = c.id and r.month >= :from and r.month < :to
                group by c.id, c.name, c.tier, c.tier_reason, c.owner_username order by c.id""")
                .param("after", afterId).param("size", size).param("from", from).param("to", to)
                .query((rs, n) -> new Figures(rs.getLong(1), rs.getString(2), CustomerTier.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .list();
    }

    /** One customer's figures over [from, to). */
    public Optional<Figures> figures(long customerId, LocalDate from, LocalDate to) {
        return batch(customerId - 1, 1, from, to).stream().filter(f -> f.customerId() == customerId).findFirst();
    }

    public List<MonthRevenue> revenue(long customerId, LocalDate from) {
        return jdbc.sql("select month, service, revenue, gross_profit from customer_revenue where customer_id = :c and month >= :from order by month, service")
                .param("c", customerId).param("from", from)
                .query((rs, n) -> new MonthRevenue(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
    }

    /** Revenue and profit over [from, to) of every customer the viewer sees, most profitable first. */
    public List<Figures> ranking(LocalDate from, LocalDate to, CustomerRepository.Viewer viewer) {
        // the visible customers first, then each one's revenue by its primary key (the planner cannot estimate the
        // visibility rule, and a plain join read the whole period for a rep)
        return CustomerRepository.bindViewer(jdbc.sql("""
                select c.id, c.name, c.tier, c.tier_reason, c.owner_username, coalesce(f.revenue, 0) as revenue, coalesce(f.profit, 0) as profit
                from customer c
                left join lateral (select sum(r.revenue) as revenue, sum(r.gross_profit) as profit from customer_revenue r
                                   where r.customer_id = c.id and r.month >= :from and r.month < :to) f on true
                where""" + CustomerRepository.VISIBLE + " order by profit desc, c.id"), viewer)
                .param("from", from).param("to", to)
                .query((rs, n) -> new Figures(rs.getLong(1), rs.getString(2), CustomerTier.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .list();
    }

    public void setTier(long customerId, CustomerTier tier, String reason) {
        jdbc.sql("update customer set tier = :t, tier_reason = :r, tier_changed_at = now() where id = :id")
                .param("id", customerId).param("t", tier.name()).param("r", reason).update();
    }

    /**
     * The tiers of the given customers as they are now, each row locked until the transaction ends (the re-tiering
     * writes its changes only where the tier is still the one it decided from).
     */
    public java.util.Map<Long, CustomerTier> lockTiers(java.util.Collection<Long> customerIds) {
        java.util.Map<Long, CustomerTier> tiers = new java.util.HashMap<>();
        if (customerIds.isEmpty()) {
            return tiers;
        }
        jdbc.sql("select id, tier from customer where id = any(cast(:ids as bigint[])) order by id for update")
                .param("ids", customerIds.toArray(Long[]::new))
                .query((rs, n) -> tiers.put(rs.getLong(1), rs.getString(2) == null ? null : CustomerTier.valueOf(rs.getString(2))))
                .list();
        return tiers;
    }

    public void setReason(long customerId, String reason) {
        jdbc.sql("update customer set tier_reason = :r where id = :id and tier_reason is distinct from :r")
                .param("id", customerId).param("r", reason).update();
    }

    public long insertChange(long customerId, CustomerTier from, CustomerTier to, String reason, BigDecimal revenue, BigDecimal profit,
            BigDecimal pipeline, TierChange.Status status, String by) {
        return jdbc.sql("""
                insert into customer_tier_change (customer_id, from_tier, to_tier, reason, revenue_12m, profit_12m, pipeline, status, changed_by)
                values (:c, :f, :t, :r, :rev, :p, :pl, :s, :by) returning id""")
                .param("c", customerId).param("f", from.name()).param("t", to.name()).param("r", reason).param("rev", revenue)
                .param("p", profit).param("pl", pipeline).param("s", status.name()).param("by", by).query(Long.class).single();
    }

    /** A pending downgrade as its confirmation needs it. */
    public record Pending(long changeId, long customerId, String customerName, String owner, CustomerTier from, CustomerTier to,
            String reason, BigDecimal revenue, BigDecimal profit, BigDecimal pipeline) {}

    /** Pending downgrades, made before {@code olderThan} ago, whose confirmation does not run on this engine epoch. */
    public List<Pending> pendingWithoutConfirmation(String epoch, java.time.Duration olderThan) {
        return jdbc.sql("""
                select t.id, t.customer_id, c.name, c.owner_username, t.from_tier, t.to_tier, t.reason, t.revenue_12m, t.profit_12m, t.pipeline
                  from customer_tier_change t join customer c on c.id = t.customer_id
                 where t.status = 'PENDING' and (t.confirmation_instance is null or t.confirmation_epoch is distinct from :e)
                   and t.created_at <= now() - make_interval(secs => :s) order by t.id""")
                .param("e", epoch).param("s", olderThan.toSeconds())
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        CustomerTier.valueOf(rs.getString(5)), CustomerTier.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10)))
                .list();
    }

    /** Ties a confirmation instance to its pending change unless it has a live one: true when it is (now) this one. */
    public boolean claimConfirmation(long changeId, long instance, String epoch) {
        jdbc.sql("""
                update customer_tier_change set confirmation_instance = :i, confirmation_epoch = :e
                 where id = :id and (confirmation_instance is null or confirmation_epoch is distinct from :e)""")
                .param("id", changeId).param("i", instance).param("e", epoch).update();
        return jdbc.sql("select count(*) from customer_tier_change where id = :id and confirmation_instance = :i and confirmation_epoch = :e")
                .param("id", changeId).param("i", instance).param("e", epoch).query(Long.class).single() > 0;
    }

    public boolean hasPending(long customerId) {
        return jdbc.sql("select count(*) from customer_tier_change where customer_id = :c and status = 'PENDING'").param("c", customerId)
                .query(Integer.class).single() > 0;
    }

    public Optional<TierChange> change(long id) {
        return jdbc.sql("select " + CHANGE_COLUMNS + " from customer_tier_change where id = :id").param("id", id).query(this::map).optional();
    }

    /** Ends a pending change with the manager's answer; false when it was answered before. */
    public boolean decide(long id, TierChange.Status status, String by, String note) {
        return jdbc.sql("""
                update customer_tier_change set status = :s, decided_by = :by, decided_at = now(), note = :note
                where id = :id and status = 'PENDING'""")
                .param("id", id).param("s", status.name()).param("by", by).param("note", note).update() == 1;
    }

    public List<TierChange> history(long customerId) {
        return jdbc.sql("select " + CHANGE_COLUMNS + " from customer_tier_change where customer_id = :c order by id desc")
                .param("c", customerId).query(this::map).list();
    }

    private TierChange map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new TierChange(rs.getLong("id"), rs.getLong("customer_id"), CustomerTier.valueOf(rs.getString("from_tier")),
                CustomerTier.valueOf(rs.getString("to_tier")), rs.getString("reason"), rs.getBigDecimal("revenue_12m"),
                rs.getBigDecimal("profit_12m"), rs.getBigDecimal("pipeline"), TierChange.Status.valueOf(rs.getString("status")),
                rs.getString("changed_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("note"));
    }

    /** One month's revenue and gross profit of a service for a customer, as an import brings it. */
    public record Revenue(long customerId, LocalDate month, String service, BigDecimal revenue, BigDecimal profit) {}

    /** Records many months of revenue at once, or corrects those already there (an import, the demo data): one statement per 5,000 rows. */
    public int insertRevenue(List<Revenue> rows) {
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += 5_000) {
            List<Revenue> chunk = rows.subList(from, Math.min(rows.size(), from + 5_000));
            inserted += jdbc.sql("""
                    insert into customer_revenue (customer_id, month, service, revenue, gross_profit)
                    select * from unnest(cast(:c as bigint[]), cast(:m as date[]), cast(:s as text[]), cast(:r as numeric[]), cast(:p as numeric[]))
                    on conflict (customer_id, month, service) do update set revenue = excluded.revenue, gross_profit = excluded.gross_profit""")
                    .param("c", chunk.stream().map(Revenue::customerId).toArray(Long[]::new))
                    .param("m", chunk.stream().map(r -> r.month().withDayOfMonth(1).toString()).toArray(String[]::new))
                    .param("s", chunk.stream().map(Revenue::service).toArray(String[]::new))
                    .param("r", chunk.stream().map(r -> r.revenue().toPlainString()).toArray(String[]::new))
                    .param("p", chunk.stream().map(r -> r.profit().toPlainString()).toArray(String[]::new))
                    .update();
        }
        return inserted;
    }

    /** The figures of the given customers over [from, to). */
    public List<Figures> figures(java.util.Collection<Long> customerIds, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select c.id, c.name, c.tier, c.tier_reason, c.owner_username,
                       coalesce(sum(r.revenue), 0) as revenue, coalesce(sum(r.gross_profit), 0) as profit
                from customer c
                left join customer_revenue r on r.customer_id = c.id and r.month >= :from and r.month < :to
                where c.id = any(cast(:ids as bigint[]))
                group by c.id, c.name, c.tier, c.tier_reason, c.owner_username order by c.id""")
                .param("ids", customerIds.toArray(Long[]::new)).param("from", from).param("to", to)
                .query((rs, n) -> new Figures(rs.getLong(1), rs.getString(2), CustomerTier.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .list();
    }

    /** A tier the rules gave a customer, and why. */
    public record Classified(long customerId, CustomerTier tier, String reason) {}

    /**
     * Sets the first tier of customers that were never tiered (no history): no change is recorded, as there is nothing
     * it changed from. A customer with a history keeps its tier. Returns how many were set.
     */
    public int setInitialTiers(List<Classified> tiers) {
        if (tiers.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update customer c set tier = t.tier, tier_reason = t.reason, tier_changed_at = now()
                from unnest(cast(:ids as bigint[]), cast(:tiers as text[]), cast(:reasons as text[])) as t(id, tier, reason)
                where c.id = t.id and not exists (select 1 from customer_tier_change h where h.customer_id = c.id)""")
                .param("ids", tiers.stream().map(Classified::customerId).toArray(Long[]::new))
                .param("tiers", tiers.stream().map(t -> t.tier().name()).toArray(String[]::new))
                .param("reasons", tiers.stream().map(Classified::reason).toArray(String[]::new))
                .update();
    }

    /** Sets the reasons of many customers that keep their tier, in one statement (those that changed). */
    public int setReasons(List<Classified> reasons) {
        if (reasons.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update customer c set tier_reason = t.reason
                from unnest(cast(:ids as bigint[]), cast(:reasons as text[])) as t(id, reason)
                where c.id = t.id and c.tier_reason is distinct from t.reason""")
                .param("ids", reasons.stream().map(Classified::customerId).toArray(Long[]::new))
                .param("reasons", reasons.stream().map(Classified::reason).toArray(String[]::new))
                .update();
    }
}
