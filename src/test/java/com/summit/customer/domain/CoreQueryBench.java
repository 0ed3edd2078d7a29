package com.summit.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The core customers, staff and services benchmark: the one statement {@link CoreFiguresRepository#figures} runs,
 * over 100,000 customers (100 reps in 10 teams) with 36 months of revenue in one to three services each (about 7
 * million rows), on an embedded PostgreSQL 17 with the real schema. Not part of {@code ./summit test}; run it with
 * {@code bench/core.sh}.
 */
class CoreQueryBench {

    private static final int QUERIES = Integer.getInteger("bench.queries", 20);
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 100_000);

    @Test
    void coreFiguresOverOneHundredThousandCustomers() throws Exception {
        try (com.summit.BenchDatabase db = com.summit.BenchDatabase.start("core")) {
            JdbcClient jdbc = db.jdbc();
            long loadStart = System.nanoTime();
            load(jdbc);
            jdbc.sql("vacuum analyze").update();
            long rows = jdbc.sql("select count(*) from customer_revenue").query(Long.class).single();
            CoreFiguresRepository repository = new CoreFiguresRepository(jdbc);
            LocalDate to = LocalDate.now().withDayOfMonth(1);
            LocalDate from12 = to.minusMonths(12);
            LocalDate from36 = to.minusMonths(36);
            var admin = new CustomerRepository.Viewer("admin", "", false, true);
            var manager = new CustomerRepository.Viewer("mgr3", "团队3", true, false);
            var rep = new CustomerRepository.Viewer("rep7", "团队7", false, false);
            BigDecimal core = new BigDecimal("0.8");

            // what is measured must be right: the totals agree with a plain sum, a manager sees only the team
            var all = repository.figures(from12, to, admin, 500, core);
            BigDecimal sum = jdbc.sql("select sum(revenue) from customer_revenue where month >= :f and month < :t").param("f", from12).param("t", to)
                    .query(BigDecimal.class).single();
            assertThat(all.totals().revenue()).isEqualByComparingTo(sum);
            assertThat(all.totals().customers()).isEqualTo(CUSTOMERS);
            assertThat(all.customers()).hasSize(500);
            assertThat(all.owners()).hasSize(100);
            assertThat(all.services().stream().mapToInt(CoreFiguresRepository.GroupFigures::customers).sum()).isGreaterThan(CUSTOMERS);
            var team = repository.figures(from12, to, manager, 500, core);
            assertThat(team.owners()).hasSize(10).allMatch(o -> Integer.parseInt(o.key().substring(3)) % 10 == 3);

            StringBuilder report = new StringBuilder(String.format("%,d customers, %,d revenue rows (loaded in %d s)%n", CUSTOMERS, rows,
                    (System.nanoTime() - loadStart) / 1_000_000_000));
            report.append(measure("admin, 12 months (every customer)", () -> repository.figures(from12, to, admin, 500, core)));
            report.append(measure("admin, 36 months", () -> repository.figures(from36, to, admin, 500, core)));
            report.append(measure("manager of one team (10,000 customers), 12 months", () -> repository.figures(from12, to, manager, 500, core)));
            report.append(measure("rep (1,000 customers), 12 months", () -> repository.figures(from12, to, rep, 500, core)));
            System.out.println(report);
            Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(Path.of("target", "bench", "core.txt"), report.toString());
        }
    }

    private static void load(JdbcClient jdbc) {
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, team, manager_username)
                select 'rep' || i, '销售' || i, 'x', '团队' || (i % 10), 'mgr' || (i % 10) from generate_series(0, 99) i""").update();
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, team)
                select 'mgr' || i, '经理' || i, 'x', '团队' || i from generate_series(0, 9) i""").update();
        jdbc.sql("""
                insert into customer (name, industry, region, owner_username, tier)
                select '客户' || i, 'FMCG', '上海', 'rep' || (i % 100), 'ORDINARY' from generate_series(1, :n) i""")
                .param("n", CUSTOMERS).update();
        // one to three services a customer, 36 months back from last month; a long tail of small customers. Stored
        // month by month, as monthly imports would store them; the keys are built after the load (same names as V17).
        jdbc.sql("alter table customer_revenue drop constraint customer_revenue_pkey").update();
        jdbc.sql("drop index customer_revenue_month").update();
        jdbc.sql("""
                insert into customer_revenue (customer_id, month, service, revenue, gross_profit)
                select c.id, (date_trunc('month', now()) - k * interval '1 month')::date, s.service,
                       round((1000000.0 / (1 + c.id % 997)) * (1 + k % 4) / 4, 2),
                       round((1000000.0 / (1 + c.id % 997)) * (1 + k % 4) / 4 * (0.05 + (c.id % 20) / 100.0), 2)
                from customer c
                cross join generate_series(1, 36) k
                join (values (0, 'WAREHOUSING'), (1, 'LINE_HAUL'), (2, 'DISTRIBUTION'), (3, 'CONTRACT_LOGISTICS'), (4, 'COLD_CHAIN')) s(n, service)
                  on s.n = c.id % 5 or (c.id % 3 > 0 and s.n = (c.id + 1) % 5) or (c.id % 3 = 2 and s.n = (c.id + 2) % 5)
                order by k desc, c.id""").update();
        jdbc.sql("alter table customer_revenue add primary key (customer_id, month, service)").update();
        jdbc.sql("create index customer_revenue_month on customer_revenue (month, customer_id)").update();
    }

    private static String measure(String label, Supplier<CoreFiguresRepository.Figures> query) {
        for (int i = 0; i < 3; i++) {
            query.get();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            query.get();
            micros.add((System.nanoTime() - start) / 1000);
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%s: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d queries)%n", label, sorted[QUERIES / 2 - 1] / 1000.0,
                sorted[Math.max(0, QUERIES * 95 / 100 - 1)] / 1000.0, sorted[QUERIES - 1] / 1000.0, QUERIES);
    }
}
