package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.base.i18n.Locales;
import com.summit.customer.domain.TieringRepository;
import com.summit.customer.service.PipelineAmounts;
import com.summit.customer.service.TieringService;
import com.summit.engine.ProcessEngine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The re-tiering benchmark (issue #6): the whole {@code customer-tiering} process on the embedded engine over 100,000
 * customers with 12 months of revenue each, worked by the app's own {@code TieringWorker} (batches of 500: the
 * figures from PostgreSQL, the DMN {@code customer-tier} evaluated on the engine for each customer, the changes
 * applied with their reasons, upgrades told to the owners), until every strategic downgrade waits in its manager's
 * inbox. Then where a batch's time goes, measured piece by piece. Not part of {@code ./summit test}; run it with
 * {@code bench/retier.sh}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetieringBench {

    static final Path DATA = Path.of("target", "bench", "retier-" + ProcessHandle.current().pid());
    static final int ZEEBE = TestPorts.free();
    static final int POSTGRES = TestPorts.free();
    static final int CUSTOMERS = Integer.getInteger("bench.customers", 100_000);
    static final int BATCH = Integer.getInteger("bench.batchSize", 500);

    @DynamicPropertySource
    static void localMode(DynamicPropertyRegistry registry) {
        registry.add("summit.local.data-dir", DATA::toString);
        registry.add("summit.local.zeebe.port", () -> ZEEBE);
        registry.add("summit.local.postgres.port", () -> POSTGRES);
        registry.add("summit.local.elasticsearch.enabled", () -> "false");
        // the benchmark's own customers only (the demo's 508 would be re-tiered too)
        registry.add("summit.demo.enabled", () -> "false");
    }

    @Autowired ProcessEngine engine;
    @Autowired TieringService tiering;
    @Autowired TieringRepository figures;
    @Autowired List<PipelineAmounts> pipelines;
    @Autowired JdbcClient jdbc;

    @Test
    void reTieringOneHundredThousandCustomers() throws Exception {
        StringBuilder report = new StringBuilder();
        long loadStart = System.nanoTime();
        load();
        report.append(String.format("loaded %,d customers with 12 months of revenue (%,d revenue rows, %,d open opportunities) in %.1f s%n",
                CUSTOMERS, count("select count(*) from customer_revenue"), count("select count(*) from opportunity"),
                (System.nanoTime() - loadStart) / 1e9));
        // what the rules must find (see load): 3 % upgrades to important, 2 % downgrades to ordinary, 0.1 % strategic downgrades
        long upgrades = count("select count(*) from customer where id % 100 between 17 and 19");
        long downgrades = count("select count(*) from customer where id % 100 between 20 and 21");
        long pendingExpected = count("select count(*) from customer where id % 1000 = 15");

        long start = System.nanoTime();
        long instance = engine.start("customer-tiering", Map.of("batchSize", BATCH));
        long lastProgress = -1;
        long progressAt = start;
        while (count("select count(*) from human_task where process_instance_key = " + instance) < pendingExpected) {
            Thread.sleep(200);
            long progress = count("select count(*) from customer where tier_reason is not null");
            if (progress != lastProgress) {
                lastProgress = progress;
                progressAt = System.nanoTime();
            } else if (System.nanoTime() - progressAt > 300_000_000_000L) {
                throw new IllegalStateException("no progress for 5 minutes, at " + progress + " customers");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long applied = count("select count(*) from customer_tier_change where status = 'APPLIED' and changed_by = 'SYSTEM'");
        long pending = count("select count(*) from customer_tier_change where status = 'PENDING'");
        int batches = (CUSTOMERS + BATCH - 1) / BATCH + (CUSTOMERS % BATCH == 0 ? 1 : 0);
        // what was measured is the real re-tiering: every change the rules call for, and nothing else
        assertThat(applied).isEqualTo(upgrades + downgrades);
        assertThat(pending).isEqualTo(pendingExpected);
        assertThat(count("select count(*) from notification where kind = 'CUSTOMER_UPGRADED'")).isEqualTo(upgrades);
        assertThat(count("select count(*) from customer where tier <> expected_tier(id)")).isEqualTo(pendingExpected);
        report.append(String.format("re-tiering process, embedded engine, batches of %d: %,d customers in %.1f s = %,.0f customers/s, "
                + "%.2f s per batch (%d batches), %,d changes applied, %,d strategic downgrades waiting for a manager%n",
                BATCH, CUSTOMERS, seconds, CUSTOMERS / seconds, seconds / batches, batches, applied, pending));

        report.append(breakdown());

        // a second run over the same figures changes nothing (the batches called in a loop, as the worker calls them)
        long again = System.nanoTime();
        long after = 0;
        int changed = 0;
        int pendingAgain = 0;
        TieringService.BatchResult r;
        do {
            r = tiering.retierBatch(after, BATCH);
            after = r.lastId();
            changed += r.changed();
            pendingAgain += r.pending().size();
        } while (r.hasMore(BATCH));
        double secondsAgain = (System.nanoTime() - again) / 1e9;
        assertThat(changed).isZero();
        assertThat(pendingAgain).isZero();
        report.append(String.format("second run, TieringService.retierBatch in a loop: %,d customers in %.1f s = %,.0f customers/s, nothing changed%n",
                CUSTOMERS, secondsAgain, CUSTOMERS / secondsAgain));

        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "retier.txt"), report.toString());
    }

    /** Where a batch's time goes: each part of retierBatch on its own, over 20 batches of the loaded customers. */
    private String breakdown() {
        LocalDate to = LocalDate.now(Locales.ZONE).withDayOfMonth(1);
        LocalDate from = to.minusMonths(12);
        int rounds = 20;
        int[] inFlight = {1, 4, 16, 64};
        long read = 0;
        long pipeline = 0;
        long[] dmn = new long[inFlight.length];
        long reasonEach = 0;
        long reasonsOnce = 0;
        for (int b = 0; b < rounds; b++) {
            long afterId = (long) b * (CUSTOMERS / rounds);
            long t0 = System.nanoTime();
            var batch = figures.batch(afterId, BATCH, from, to);
            long t1 = System.nanoTime();
            Map<Long, BigDecimal> open = new HashMap<>();
            List<Long> ids = batch.stream().map(TieringRepository.Figures::customerId).toList();
            pipelines.forEach(p -> open.putAll(p.openAmounts(ids)));
            long t2 = System.nanoTime();
            read += t1 - t0;
            pipeline += t2 - t1;
            List<Map<String, Object>> facts = new ArrayList<>();
            for (var f : batch) {
                facts.add(Map.of("revenue12m", f.revenue12m(), "profit12m", f.profit12m(), "pipeline", open.getOrDefault(f.customerId(), BigDecimal.ZERO)));
            }
            for (int k = 0; k < inFlight.length; k++) {
                long t = System.nanoTime();
                if (inFlight[k] == 1) {
                    facts.forEach(f -> engine.evaluateDecisionResult(TieringService.DECISION_ID, f));
                } else {
                    engine.evaluateDecisionResults(TieringService.DECISION_ID, facts, inFlight[k]);
                }
                dmn[k] += System.nanoTime() - t;
            }
            // the reasons written as a first run writes them (each one new): one update per customer, or one statement
            long t3 = System.nanoTime();
            for (var f : batch) {
                figures.setReason(f.customerId(), "BENCH");
            }
            long t4 = System.nanoTime();
            figures.setReasons(batch.stream().map(f -> new TieringRepository.Classified(f.customerId(), f.tier(), f.reason())).toList());
            long t5 = System.nanoTime();
            reasonEach += t4 - t3;
            reasonsOnce += t5 - t4;
        }
        StringBuilder dmnText = new StringBuilder();
        for (int k = 0; k < inFlight.length; k++) {
            dmnText.append(String.format("%s%d in flight %.0f ms (%.2f ms each)", k == 0 ? "" : ", ", inFlight[k], dmn[k] / 1e6 / rounds,
                    dmn[k] / 1e6 / rounds / BATCH));
        }
        return String.format("a batch of %d, piece by piece (mean of %d): figures query %.0f ms, open pipeline %.0f ms; DMN %s; "
                + "reasons: one update per customer %.0f ms, one statement %.0f ms%n", BATCH, rounds, read / 1e6 / rounds, pipeline / 1e6 / rounds,
                dmnText, reasonEach / 1e6 / rounds, reasonsOnce / 1e6 / rounds);
    }

    /**
     * 100 reps in 10 teams, each team with a manager; the customers, each of one size: 3 % strategic (about 36 million
     * a year, 12 % margin), 17 % important (about 11 million, 10 %), 80 % ordinary (about 1.2 million); 12 complete
     * months of revenue; one open opportunity for every fifth customer, too small to matter to the rules. The tier each
     * customer has now is the right one except: 3 % important-sized customers are still ordinary (upgrades), 2 % ordinary
     * ones are still important (downgrades), 0.1 % important-sized ones are still strategic (downgrades for a manager).
     */
    private void load() {
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, team, manager_username)
                select 'bmgr' || t, '经理' || t, 'x', '基准团队' || t, null from generate_series(0, 9) t""").update();
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, team, manager_username)
                select 'brep' || i, '销售' || i, 'x', '基准团队' || (i % 10), 'bmgr' || (i % 10) from generate_series(0, 99) i""").update();
        jdbc.sql("""
                create or replace function expected_tier(id bigint) returns text language sql immutable as $$
                  select case when id % 100 < 3 then 'STRATEGIC' when id % 100 < 20 then 'IMPORTANT' else 'ORDINARY' end $$""").update();
        jdbc.sql("""
                insert into customer (id, name, industry, region, owner_username, tier)
                select i, '基准客户' || i, (array['AUTOMOTIVE','FMCG','PHARMA','ECOMMERCE','RETAIL'])[1 + i % 5], '上海', 'brep' || (i % 100),
                       case when i % 1000 = 15 then 'STRATEGIC' when i % 100 between 17 and 19 then 'ORDINARY'
                            when i % 100 between 20 and 21 then 'IMPORTANT' else expected_tier(i) end
                from generate_series(1, :n) i""").param("n", CUSTOMERS).update();
        jdbc.sql("select setval('customer_id_seq', :n)").param("n", CUSTOMERS).query(Long.class).single();
        jdbc.sql("""
                insert into customer_revenue (customer_id, month, service, revenue, gross_profit)
                select c.id, m.month, 'WAREHOUSING', c.monthly, round(c.monthly * c.margin, 2)
                from (select i as id,
                             (case when i % 100 < 3 then 3000000 when i % 100 < 20 then 900000 else 100000 end) * (1 + (i % 7) / 20.0) as monthly,
                             case when i % 100 < 3 then 0.12 else 0.10 end as margin
                      from generate_series(1, :n) i) c,
                     (select (date_trunc('month', now() at time zone 'Asia/Shanghai') - k * interval '1 month')::date as month
                      from generate_series(1, 12) k) m""").param("n", CUSTOMERS).update();
        jdbc.sql("""
                insert into opportunity (customer_id, name, amount, services, stage, status, owner_username)
                select i, '基准商机' || i, 100000 + (i * 7919) % 900000, 'WAREHOUSING', 'NEED_CONFIRMATION', 'OPEN', 'brep' || (i % 100)
                from generate_series(5, :n, 5) i""").param("n", CUSTOMERS).update();
        jdbc.sql("vacuum analyze").update();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
