package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.base.i18n.Locales;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.HumanTaskRepository;
import com.summit.tasklist.domain.TaskQuery;
import com.summit.tasklist.service.ProcessStartService;
import com.summit.tasklist.service.TaskAccess;
import com.summit.tasklist.service.TaskService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The inbox page's whole server work (issue #12 part 9): every service call the inbox view makes when it opens
 * (the start menu, the filter choices, the saved filters, the count and the grid's first page of 50 rows), through
 * the app's own beans, over {@code bench.tasks} tasks (1,000,000 by default) of 100 reviewers; beside it, in the
 * same run, its floor: the inbox query alone. Not part of {@code ./summit test}; run it with
 * {@code bench/inbox-query.sh}.
 */
class InboxPageBench extends LocalBench {

    static final int OPENS = Integer.getInteger("bench.queries", 300);
    static final int TASKS = Integer.getInteger("bench.tasks", 1_000_000);
    static final String[] GROUPS = {"LEGAL", "FINANCE", "TECH", "OPERATIONS"};

    @DynamicPropertySource
    static void noDemo(DynamicPropertyRegistry registry) {
        registry.add("summit.demo.enabled", () -> "false");
    }

    @Autowired JdbcClient jdbc;
    @Autowired TaskService tasks;
    @Autowired com.summit.tasklist.service.SavedFilterService filters;
    @Autowired TaskAccess access;
    @Autowired ProcessStartService starts;
    @Autowired HumanTaskRepository repository;
    @Autowired UserService users;

    @Test
    void inboxPageOverAMillionTasks() throws Exception {
        load();
        Random random = new Random(42);
        List<SummitUser> reviewers = new ArrayList<>();
        for (int u = 0; u < 100; u++) {
            reviewers.add(users.find("user" + u).orElseThrow());
        }
        TaskQuery inbox = TaskQuery.inbox();
        // what is measured is the inbox a reviewer sees: a full first page, and a count far beyond the old 200
        SummitUser probe = reviewers.get(5);
        assertThat(tasks.page(inbox, probe, Locales.ZH_CN, 0, 50)).hasSize(50);
        assertThat(tasks.count(inbox, probe)).isGreaterThan(200);
        assertThat(tasks.filterOptions(com.summit.base.i18n.Locales.ZH_CN).stages()).containsExactly("NEED_CONFIRMATION");
        assertThat(tasks.filterOptions(com.summit.base.i18n.Locales.ZH_CN).candidateGroups()).containsExactlyInAnyOrder(GROUPS);

        double[] floor = timed(() -> {
            SummitUser user = reviewers.get(random.nextInt(reviewers.size()));
            repository.find(inbox, access.visibility(user), Locales.ZONE, 0, 50);
        });
        double[] page = timed(() -> {
            SummitUser user = reviewers.get(random.nextInt(reviewers.size()));
            starts.startable(user, com.summit.base.i18n.Locales.ZH_CN);
            tasks.filterOptions(com.summit.base.i18n.Locales.ZH_CN);
            filters.visibleTo(user);
            tasks.count(inbox, user);
            tasks.page(inbox, user, Locales.ZH_CN, 0, 50);
        });
        // where the page's time goes
        double[] counting = timed(() -> tasks.count(inbox, reviewers.get(random.nextInt(reviewers.size()))));
        double[] choices = timed(() -> {
            SummitUser user = reviewers.get(random.nextInt(reviewers.size()));
            starts.startable(user, com.summit.base.i18n.Locales.ZH_CN);
            tasks.filterOptions(com.summit.base.i18n.Locales.ZH_CN);
            filters.visibleTo(user);
        });
        String report = String.format("inbox page, %,d tasks, a reviewer's open tasks: whole page p50 %.2f ms, p95 %.2f ms; floor (the "
                        + "inbox query alone) p50 %.2f ms, p95 %.2f ms; ratio p50 %.2f, p95 %.2f (%d opens each); of the page: the count "
                        + "p50 %.2f ms, p95 %.2f ms; start menu, filter choices and saved filters p50 %.2f ms, p95 %.2f ms%n",
                TASKS, page[0], page[1], floor[0], floor[1], page[0] / floor[0], page[1] / floor[1], OPENS, counting[0], counting[1],
                choices[0], choices[1]);
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "inbox-page.txt"), report);
    }

    /**
     * 100 reviewers, each in two of the four departments' groups; 60 % of the tasks assigned to one of them, 40 %
     * unassigned for two departments; 85 % open; due dates from 20 days ago to 40 days ahead.
     */
    private void load() {
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, team)
                select 'user' || i, '评审' || i, 'x', null from generate_series(0, 99) i""").update();
        jdbc.sql("""
                insert into app_user_role (user_id, role)
                select distinct a.id, r from app_user a, generate_series(0, 99) i,
                       unnest(array[(array['LEGAL','FINANCE','TECH','OPERATIONS'])[1 + i % 4],
                                    (array['LEGAL','FINANCE','TECH','OPERATIONS'])[1 + (i / 4) % 4]]) r
                where a.username = 'user' || i""").update();
        jdbc.sql("""
                insert into human_task (job_key, engine_epoch, process_instance_key, process_definition_key, bpmn_process_id,
                    element_id, element_instance_key, name, assignee, candidate_groups, due_at, priority, variables, state, created_at)
                select 10000000 + i, 'bench', 20000000 + i, 1, 'veto-approval', 'Task_Review', 30000000 + i, '否决权评审',
                    case when i % 10 < 6 then 'user' || (i % 100) end,
                    case when i % 10 < 6 then '{}'::text[]
                         else array[(array['LEGAL','FINANCE','TECH','OPERATIONS'])[1 + abs(hashtext(i::text)) % 4],
                                    (array['LEGAL','FINANCE','TECH','OPERATIONS'])[1 + abs(hashtext('g' || i)) % 4]] end,
                    now() + ((i::bigint * 7919) % 60 - 20) * interval '1 day', (i * 31) % 100,
                    jsonb_build_object('customerName', '客户' || (i % 5000), 'opportunityName', '商机' || i, 'stage', 'NEED_CONFIRMATION'),
                    case when i % 100 < 85 then 'OPEN' else 'COMPLETED' end,
                    now() - (i % 1000) * interval '1 hour'
                from generate_series(1, :n) as i""").param("n", TASKS).update();
        jdbc.sql("vacuum analyze").update();
    }

    private static double[] timed(Runnable work) {
        return p50p95(work, 100, OPENS);
    }
}
