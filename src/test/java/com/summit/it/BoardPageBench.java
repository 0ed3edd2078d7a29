package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.opportunity.domain.BoardQueryBench;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.opportunity.service.BoardService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The board page's whole server work (issue #12 part 9): every service call the board view makes when it opens
 * ({@link BoardService#filterOptions} and {@link BoardService#board}), through the app's own beans on the local
 * mode's PostgreSQL, over 10,000 open deals; beside it, in the same run, its floor: the board's main query alone.
 * Not part of {@code ./summit test}; run it with {@code bench/board.sh}.
 */
class BoardPageBench extends LocalBench {

    static final int OPENS = Integer.getInteger("bench.queries", 300);

    @DynamicPropertySource
    static void noDemo(DynamicPropertyRegistry registry) {
        registry.add("summit.demo.enabled", () -> "false");
    }

    @Autowired JdbcClient jdbc;
    @Autowired BoardService boards;
    @Autowired OpportunityRepository repository;
    @Autowired UserService users;

    @Test
    void boardPageOverTenThousandDeals() throws Exception {
        BoardQueryBench.load(jdbc);
        jdbc.sql("insert into app_user_role (user_id, role) select id, 'MANAGER' from app_user where username in ('boss', 'mgr3')").update();
        jdbc.sql("insert into app_user_role (user_id, role) select id, 'REP' from app_user where username like 'rep%'").update();
        jdbc.sql("vacuum analyze").update();
        SummitUser boss = users.find("boss").orElseThrow();
        SummitUser teamManager = users.find("mgr3").orElseThrow();

        // what is measured is the page a manager sees: five full columns, every owner in the filter, named
        var board = boards.board(boss, BoardService.Filter.none());
        assertThat(board.columns().values()).allMatch(cards -> cards.size() == BoardService.CARDS_PER_COLUMN);
        assertThat(board.columns().values().stream().flatMap(List::stream)).allMatch(c -> c.ownerName().startsWith("销售"));
        assertThat(boards.filterOptions(boss).owners()).hasSize(90);
        assertThat(boards.filterOptions(teamManager).owners()).hasSize(10);
        assertThat(boards.filterOptions(teamManager).teams()).containsExactly("团队3");

        StringBuilder report = new StringBuilder();
        for (SummitUser user : List.of(teamManager, boss)) {
            String who = user == boss ? "manager of 90 reps (9,000 deals)" : "manager of one team (1,000 deals)";
            double[] floor = timed(() -> repository.board(user.username(), user.team(), true, false, null, null, null, null,
                    BoardService.CARDS_PER_COLUMN));
            double[] page = timed(() -> {
                boards.filterOptions(user);
                boards.board(user, BoardService.Filter.none());
            });
            // what the page ran before: the filter choices from the board query without its column limit
            double[] before = timed(() -> {
                repository.board(user.username(), user.team(), true, false, null, null, null, null, Integer.MAX_VALUE);
                boards.board(user, BoardService.Filter.none());
            });
            report.append(String.format("board page, %s: whole page p50 %.1f ms, p95 %.1f ms; floor (main query alone) p50 %.1f ms, "
                            + "p95 %.1f ms; ratio p50 %.2f, p95 %.2f; before (filters from the uncapped query) p50 %.1f ms, p95 %.1f ms%n",
                    who, page[0], page[1], floor[0], floor[1], page[0] / floor[0], page[1] / floor[1], before[0], before[1]));
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "board-page.txt"), report.toString());
    }

    private static double[] timed(Runnable work) {
        return p50p95(work, 30, OPENS);
    }
}
