package com.summit.tasklist.domain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox query benchmark: "my open tasks and my groups' unassigned tasks, by due date, first 50",
 * on the real schema and the real repository code, at 10,000 and at 1,000,000 rows (100 users,
 * candidate-group tasks included). Not part of {@code ./summit test}; run it with {@code bench/inbox-query.sh}.
 */
class InboxQueryBench {

    private static final int USERS = 100;
    private static final int QUERIES = Integer.getInteger("bench.queries", 1000);
    private static final String[] GROUPS = {"REP", "MANAGER", "LEGAL", "FINANCE", "TECH", "PROCESS_OWNER", "ADMIN", "华东大客户部", "华南大客户部", "运营技术部"};

    @Test
    void inboxQueryAt10kAnd1m() throws Exception {
        try (com.summit.BenchDatabase db = com.summit.BenchDatabase.start("inbox")) {
            JdbcClient jdbc = db.jdbc();
            HumanTaskRepository repository = repository(jdbc);
            StringBuilder report = new StringBuilder();
            int loaded = 0;
            for (int size : new int[] {10_000, 1_000_000}) {
                insert(jdbc, loaded, size - loaded);
                loaded = size;
                jdbc.sql("vacuum analyze").update(); // what autovacuum does in a running system
                report.append(measure(repository, size));
                if (Boolean.getBoolean("bench.explain")) {
                    for (int u : new int[] {5, 88}) { // user88 is in two groups that have nothing to claim
                        HumanTaskRepository.Prepared q = repository.prepare(TaskQuery.inbox(), who(u), ZoneId.of("Asia/Shanghai"), 50);
                        report.append("  explain for user").append(u).append(' ').append(groupsOf(u)).append(":\n");
                        jdbc.sql("explain (analyze, buffers) " + q.sql()).params(q.params()).query(String.class).list()
                                .forEach(line -> report.append("    ").append(line).append('\n'));
                    }
                }
            }
            System.out.println(report);
            Files.writeString(Path.of("target", "bench", "inbox-query.txt"), report.toString());
        }
    }

    /**
     * Rows like production: 60 % assigned to one of 100 users, 40 % unassigned for two of the first eight
     * groups (spread by hashing, not by due date), so that the users in the last two groups have none to
     * claim (the hard case for an ordered scan); 85 % open; due dates from 20 days ago to 40 days ahead.
     */
    private static void insert(JdbcClient jdbc, int from, int count) {
        jdbc.sql("""
                insert into human_task (job_key, engine_epoch, process_instance_key, process_definition_key, bpmn_process_id,
                    element_id, element_instance_key, name, assignee, candidate_groups, due_at, priority, variables, state, created_at)
                select 10000000 + i, 'bench', 20000000 + i, 1, 'opportunity-lifecycle', 'Task_ConfirmNeed', 30000000 + i, '确认真实需求',
                    case when i % 10 < 6 then 'user' || (i % :users) end,
                    case when i % 10 < 6 then '{}'::text[]
                         else array[(array[:g0,:g1,:g2,:g3,:g4,:g5,:g6,:g7,:g8,:g9])[1 + abs(hashtext(i::text)) % 8],
                                    (array[:g0,:g1,:g2,:g3,:g4,:g5,:g6,:g7,:g8,:g9])[1 + abs(hashtext('g' || i)) % 8]] end,
                    now() + ((i::bigint * 7919) % 60 - 20) * interval '1 day', (i * 31) % 100,
                    jsonb_build_object('customerName', '客户' || (i % 5000), 'opportunityName', '商机' || i, 'stage', 'NEED_CONFIRMATION'),
                    case when i % 100 < 85 then 'OPEN' else 'COMPLETED' end,
                    now() - (i % 1000) * interval '1 hour'
                from generate_series(:from, :to) as i""")
                .param("users", USERS).param("from", from).param("to", from + count - 1)
                .param("g0", GROUPS[0]).param("g1", GROUPS[1]).param("g2", GROUPS[2]).param("g3", GROUPS[3]).param("g4", GROUPS[4])
                .param("g5", GROUPS[5]).param("g6", GROUPS[6]).param("g7", GROUPS[7]).param("g8", GROUPS[8]).param("g9", GROUPS[9])
                .update();
    }

    private static String measure(HumanTaskRepository repository, int size) {
        Random random = new Random(42);
        TaskQuery query = TaskQuery.inbox();
        for (int i = 0; i < 200; i++) { // warm-up
            int u = random.nextInt(USERS);
            repository.find(query, who(u), ZoneId.of("Asia/Shanghai"), 50);
        }
        List<Long> micros = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < QUERIES; i++) {
            int u = random.nextInt(USERS);
            long start = System.nanoTime();
            rows += repository.find(query, who(u), ZoneId.of("Asia/Shanghai"), 50).size();
            micros.add((System.nanoTime() - start) / 1000);
        }
        // what is measured must be the inbox a user would see: a full first page for nearly every user
        org.assertj.core.api.Assertions.assertThat(rows / (double) QUERIES).as("rows per query").isGreaterThan(40);
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%,d rows: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%d queries, %.1f rows each)%n", size,
                sorted[QUERIES / 2 - 1] / 1000.0, sorted[QUERIES * 95 / 100 - 1] / 1000.0, sorted[QUERIES * 99 / 100 - 1] / 1000.0,
                QUERIES, rows / (double) QUERIES);
    }

    /** Each user is in two roles' or teams' groups. */
    /** The benchmark's users review for departments: their groups need no deal check. */
    private static TaskVisibility who(int user) {
        return new TaskVisibility("user" + user, false, java.util.Set.copyOf(groupsOf(user)), java.util.Set.of(),
                new com.summit.base.SqlCondition("false", java.util.Map.of()));
    }

    private static List<String> groupsOf(int user) {
        return Arrays.asList(GROUPS[user % 10], GROUPS[(user / 10) % 10]);
    }

    private static HumanTaskRepository repository(JdbcClient jdbc) {
        return new HumanTaskRepository(jdbc);
    }

}
