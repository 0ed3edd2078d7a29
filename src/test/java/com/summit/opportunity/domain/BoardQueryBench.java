package com.summit.opportunity.domain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board benchmark (issue #4): the board query a manager's board runs, over 10,000 open opportunities
 * (100 reps in 10 teams, 2,000 customers, five scorecard levels and three veto holders each), on an embedded
 * PostgreSQL 17 with the real schema. Not part of {@code ./summit test}; run it with {@code bench/board.sh}.
 */
public class BoardQueryBench {

    private static final int QUERIES = Integer.getInteger("bench.queries", 300);

    @Test
    void boardOverTenThousandOpenOpportunities() throws Exception {
        try (com.summit.BenchDatabase db = com.summit.BenchDatabase.start("board")) {
                JdbcClient jdbc = db.jdbc();
                load(jdbc);
                jdbc.sql("vacuum analyze").update();
                OpportunityRepository repository = new OpportunityRepository(jdbc);
                // what is measured must be the board a manager sees: five full columns and the right totals
                var all = repository.board("boss", "", true, false, null, null, null, null, 50);
                org.assertj.core.api.Assertions.assertThat(all).hasSize(5 * 50);
                long open = jdbc.sql("select count(*) from opportunity o join app_user u on u.username = o.owner_username"
                        + " where o.status in ('OPEN', 'PAUSED') and u.manager_username = 'boss'").query(Long.class).single();
                long counted = all.stream().collect(java.util.stream.Collectors.toMap(OpportunityRepository.BoardRow::stage,
                        OpportunityRepository.BoardRow::stageCount, (x, y) -> x)).values().stream().mapToLong(Long::longValue).sum();
                org.assertj.core.api.Assertions.assertThat(counted).as("every visible deal counted in its column").isEqualTo(open);
                org.assertj.core.api.Assertions.assertThat(repository.board("mgr3", "团队3", true, false, null, null, null, null, 50))
                        .as("a team's manager sees only the team's deals").allMatch(r -> "团队3".equals(r.ownerTeam()));
                StringBuilder report = new StringBuilder();
                report.append(measure("manager of one team (about 1,000 deals)", () -> repository.board("mgr3", "团队3", true, false, null, null, null, null, 50)));
                report.append(measure("manager of every owner (10,000 deals)", () -> repository.board("boss", "", true, false, null, null, null, null, 50)));
                report.append(measure("manager, filtered by tier", () -> repository.board("mgr3", "团队3", true, false, null, null, "STRATEGIC", null, 50)));
                // what the board service adds: each card's follow-up count and next planned one, two queries for all cards
                var followUps = new com.summit.followup.domain.FollowUpRepository(jdbc);
                org.assertj.core.api.Assertions.assertThat(followUps.standings(all.stream().map(OpportunityRepository.BoardRow::id).toList()).values())
                        .as("every card's deal has an open follow-up, and its earliest is found").hasSize(all.size())
                        .allMatch(f -> f.nextOpen().subject().equals("下次拜访"));
                report.append(measure("manager of every owner, with each card's next follow-up", () -> {
                    var rows = repository.board("boss", "", true, false, null, null, null, null, 50);
                    followUps.standings(rows.stream().map(OpportunityRepository.BoardRow::id).toList());
                    return rows;
                }));
                System.out.println(report);
                Files.writeString(Path.of("target", "bench", "board.txt"), report.toString());
        }
    }

    /** 10,000 open deals of 100 reps in 10 teams (team 3 under mgr3, the rest under boss), with scores, veto holders, follow-ups. */
    public static void load(JdbcClient jdbc) {
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, team, manager_username)
                select 'rep' || i, '销售' || i, 'x', '团队' || (i % 10), case when i % 10 = 3 then 'mgr3' else 'boss' end
                from generate_series(0, 99) i""").update();
        jdbc.sql("insert into app_user (username, display_name, password_hash, team) values ('mgr3', '经理', 'x', '团队3'), ('boss', '总监', 'x', '')")
                .update();
        jdbc.sql("""
                insert into customer (name, industry, region, owner_username, tier)
                select '客户' || i, (array['AUTOMOTIVE','FMCG','PHARMA','ECOMMERCE','RETAIL'])[1 + i % 5], '上海', 'rep' || (i % 100),
                       (array['STRATEGIC','IMPORTANT','IMPORTANT','ORDINARY','ORDINARY','ORDINARY','ORDINARY'])[1 + i % 7]
                from generate_series(1, 2000) i""").update();
        jdbc.sql("""
                insert into opportunity (customer_id, name, amount, services, stage, status, owner_username, stage_entered_at)
                select 1 + (i % 2000), '商机' || i, 100000 + (i * 7919) % 50000000, 'WAREHOUSING',
                       (array['IDENTIFICATION','NEED_CONFIRMATION','SOLUTION_DESIGN','PROPOSAL_NEGOTIATION','CONTRACT_SIGNING'])[1 + i % 5],
                       case when i % 50 = 0 then 'PAUSED' else 'OPEN' end, 'rep' || (i % 100), now() - (i % 60) * interval '1 day'
                from generate_series(1, 10000) i""").update();
        jdbc.sql("insert into opportunity_member (opportunity_id, username, role) select id, owner_username, 'OWNER' from opportunity").update();
        jdbc.sql("""
                insert into opportunity_score (opportunity_id, element_code, level)
                select o.id, e, (o.id + length(e)) % 7 from opportunity o, unnest(array['NEED','POWER','GOALS','VALUE','COLLABORATION']) e""").update();
        jdbc.sql("""
                insert into veto_holder (opportunity_id, department, status)
                select o.id, d, (array['UNKNOWN','CONTACTED','CONCERNS','AGREED'])[1 + (o.id + length(d)) % 4]
                from opportunity o, unnest(array['LEGAL','FINANCE','TECH']) d""").update();
        // three follow-ups a deal: one done, the next one planned, one later
        jdbc.sql("""
                insert into follow_up (opportunity_id, channel, subject, planned_at, owner_username, created_by, done_at, done_by, outcome)
                select o.id, 'VISIT', s.subject, now() + s.days * interval '1 day', o.owner_username, o.owner_username,
                       case when s.days < 0 then now() end, case when s.days < 0 then o.owner_username end, case when s.days < 0 then '已完成' end
                from opportunity o, (values ('上次拜访', -3), ('下次拜访', 2), ('季度回顾', 30)) s(subject, days)""").update();
    }

    private static String measure(String label, java.util.function.Supplier<List<OpportunityRepository.BoardRow>> query) {
        for (int i = 0; i < 30; i++) {
            query.get();
        }
        List<Long> micros = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            rows = query.get().size();
            micros.add((System.nanoTime() - start) / 1000);
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%s: %,d cards, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d queries)%n", label, rows,
                sorted[QUERIES / 2 - 1] / 1000.0, sorted[QUERIES * 95 / 100 - 1] / 1000.0, sorted[QUERIES * 99 / 100 - 1] / 1000.0, QUERIES);
    }
}
