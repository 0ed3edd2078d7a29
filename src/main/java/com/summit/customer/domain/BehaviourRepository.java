package com.summit.customer.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer's behaviour 行为特征, computed in the database from the monthly revenue of the 12 complete months
 * before {@code to}: in how many months it bought, the trend (the last 6 months against the 6 before, growing or
 * declining beyond the threshold, stable within it) and the services used.
 */
@Repository
public class BehaviourRepository {

    private static final String UPDATE = """
            update customer c set purchase_months = x.months, trend = x.trend, services_used = x.services, behaviour_at = now()
            from (
                select c2.id,
                       count(distinct r.month) filter (where r.revenue > 0) as months,
                       case when coalesce(sum(r.revenue) filter (where r.month >= :from6), 0) = 0
                                 and coalesce(sum(r.revenue) filter (where r.month < :from6), 0) = 0 then null
                            when coalesce(sum(r.revenue) filter (where r.month >= :from6), 0)
                                 > (1 + :threshold) * coalesce(sum(r.revenue) filter (where r.month < :from6), 0) then 'GROWING'
                            when coalesce(sum(r.revenue) filter (where r.month >= :from6), 0)
                                 < (1 - :threshold) * coalesce(sum(r.revenue) filter (where r.month < :from6), 0) then 'DECLINING'
                            else 'STABLE' end as trend,
                       coalesce(string_agg(distinct r.service, ',' order by r.service) filter (where r.revenue > 0), '') as services
                from customer c2
                left join customer_revenue r on r.customer_id = c2.id and r.month >= :from12 and r.month < :to
                where %s
                group by c2.id
            ) x
            where c.id = x.id""";

    private final JdbcClient jdbc;

    BehaviourRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes these customers; returns how many rows changed. */
    public int recompute(Collection<Long> ids, LocalDate to, BigDecimal threshold) {
        int n = 0;
        List<Long> list = new ArrayList<>(ids);
        for (int i = 0; i < list.size(); i += 5_000) {
            n += bind(jdbc.sql(UPDATE.formatted("c2.id in (:ids)")), to, threshold).param("ids", list.subList(i, Math.min(list.size(), i + 5_000)))
                    .update();
        }
        return n;
    }

    /** Recomputes the customers with ids in (afterId, upToId]. */
    public int recomputeRange(long afterId, long upToId, LocalDate to, BigDecimal threshold) {
        return bind(jdbc.sql(UPDATE.formatted("c2.id > :after and c2.id <= :upTo")), to, threshold).param("after", afterId).param("upTo", upToId)
                .update();
    }

    public long maxId() {
        return jdbc.sql("select coalesce(max(id), 0) from customer").query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, LocalDate to, BigDecimal threshold) {
        LocalDate month = to.withDayOfMonth(1);
        return sql.param("to", month).param("from6", month.minusMonths(6)).param("from12", month.minusMonths(12)).param("threshold", threshold);
    }
}
