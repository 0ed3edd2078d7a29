package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.base.i18n.Locales;
import com.summit.engine.DecisionPreview;
import com.summit.engine.ModelStore;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.workbench.service.DecisionImpactSource;
import com.summit.workbench.service.ImpactPreview;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The impact preview's benchmark (issue #13): what a process owner waits for when she asks what a changed
 * {@code stage-gate} would do, over 10,000 open deals: {@link ImpactPreview#preview} as the workbench calls it (every
 * open deal's gate facts from PostgreSQL, the running and the changed table evaluated for each by the DMN engine Zeebe
 * embeds, the changed ones described). Floors in the same run: both tables' evaluations of each distinct set of facts
 * on one core, facts already in memory (the engine's share, which no query can remove), and the bare query that reads
 * every fact the gate needs in one statement. Not part of {@code ./summit test}; run it with {@code bench/impact.sh}.
 */
// the deals are rows only (the preview reads PostgreSQL, never the engine): no sweep starts 10,000 lifecycles meanwhile
@org.springframework.test.context.TestPropertySource(properties = "summit.opportunity.reconcile-interval=1h")
class ImpactPreviewBench extends LocalBench {

    static final int DEALS = Integer.getInteger("bench.deals", 10_000);
    static final int RUNS = Integer.getInteger("bench.runs", 5);

    @Autowired ImpactPreview impacts;
    @Autowired List<DecisionImpactSource> sources;
    @Autowired DecisionPreview decisions;
    @Autowired ModelStore models;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void theImpactOfAChangedStageGateOverTenThousandOpenDeals() throws Exception {
        load();
        SummitUser owner = users.find("zhaomin").orElseThrow();
        String current = models.currentOf("stage-gate.dmn").orElseThrow().content();
        String changed = raisedNeed(current);
        long open = jdbc.sql("select count(*) from opportunity where status = 'OPEN'").query(Long.class).single();

        ImpactPreview.Impact impact = impacts.preview("stage-gate.dmn", changed, owner, Locales.ZH_CN).getFirst();
        assertThat(impact.evaluated()).isEqualTo((int) open);
        assertThat(impact.changed()).isPositive();

        double[] whole = LocalBench.p50p95(() -> impacts.preview("stage-gate.dmn", changed, owner, Locales.ZH_CN), 1, RUNS);
        DecisionImpactSource gate = sources.stream().filter(s -> s.decisionId().equals("stage-gate")).findFirst().orElseThrow();
        double[] facts = LocalBench.p50p95(() -> gate.cases(owner), 1, RUNS);
        List<DecisionImpactSource.LiveCase> cases = gate.cases(owner);
        DecisionPreview.Tables before = decisions.parse(current);
        DecisionPreview.Tables after = decisions.parse(changed);
        List<Map<String, Object>> distinct = cases.stream().map(DecisionImpactSource.LiveCase::facts).distinct().toList();
        double[] evaluations = LocalBench.p50p95(() -> distinct.forEach(f -> {
            decisions.evaluate(before, "stage-gate", f);
            decisions.evaluate(after, "stage-gate", f);
        }), 1, RUNS);
        DecisionPreview.Tables delta = decisions.changedRules(current, changed, "stage-gate").orElseThrow();
        long mayDiffer = distinct.stream().filter(f -> decisions.mayDiffer(delta, "stage-gate", f)).count();
        double[] deltaOnly = LocalBench.p50p95(() -> distinct.forEach(f -> decisions.mayDiffer(delta, "stage-gate", f)), 1, RUNS);
        double[] bareQuery = LocalBench.p50p95(() -> jdbc.sql("""
                select o.id, o.stage, o.owner_username, c.industry, c.region, c.tier,
                       (select json_object_agg(s.element_code, coalesce(p.from_level, s.level)) from opportunity_score s
                        left join score_change p on p.opportunity_id = s.opportunity_id and p.element_code = s.element_code and p.status = 'PENDING'
                        where s.opportunity_id = o.id) as levels,
                       (select count(*) from approval_condition ac where ac.opportunity_id = o.id and ac.met_at is null) as open_conditions
                from opportunity o join customer c on c.id = o.customer_id where o.status = 'OPEN'""").query().listOfRows(), 1, RUNS);

        String report = String.format("""
                impact preview of a changed stage-gate over %,d open deals (%,d distinct sets of facts, %,d of them matched by a changed rule, %,d deals change), %d runs after one warm-up, p50 / p95:
                  whole preview (facts; the changed rules, then both tables where one matches, on both cores; descriptions): %,.0f / %,.0f ms
                  of which the facts of every open deal (the gate source's cases):  %,.0f / %,.0f ms
                  floor, the bare query reading every fact in one statement:       %,.0f / %,.0f ms
                  floor, the changed rules alone for each distinct set, one core:  %,.0f / %,.0f ms
                  before, both whole tables for each distinct set, one core:       %,.0f / %,.0f ms
                  ratio whole / (bare query + changed rules on one core): %.2f; facts / bare query: %.1f; whole tables / whole preview: %.1f
                """, open, distinct.size(), mayDiffer, impact.changed(), RUNS, whole[0], whole[1], facts[0], facts[1], bareQuery[0], bareQuery[1],
                deltaOnly[0], deltaOnly[1], evaluations[0], evaluations[1], whole[0] / (bareQuery[0] + deltaOnly[0]), facts[0] / bareQuery[0],
                evaluations[0] / whole[0]);
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "impact.txt"), report);
    }

    /** Stage 2's need threshold raised from 4 to 5 (as ImpactPreviewIT does). */
    private static String raisedNeed(String current) {
        int at = current.indexOf("<rule id=\"Rule_05\">");
        String rule = current.substring(at, current.indexOf("</rule>", at));
        String raised = rule.replace("<text>&lt; 4</text>", "<text>&lt; 5</text>").replace("<outputEntry id=\"Rule_05_required\"><text>4</text>",
                "<outputEntry id=\"Rule_05_required\"><text>5</text>");
        assertThat(raised).isNotEqualTo(rule);
        return current.replace(rule, raised);
    }

    /**
     * 2,000 customers of 100 reps (one in fifty without a region), 10,000 open deals across the five stages, each with
     * its five scorecard levels, drawn independently of each other and of the stage (a harder case than a real pipeline,
     * whose levels rise together with the stage: almost every deal has facts of its own); one deal in twenty has a claim
     * waiting for the manager.
     */
    private void load() {
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, team, manager_username)
                select 'brep' || i, '销售' || i, 'x', '基准团队' || (i % 10), 'lina' from generate_series(0, 99) i""").update();
        jdbc.sql("""
                insert into customer (name, industry, region, owner_username, tier)
                select '基准客户' || i, (array['AUTOMOTIVE','FMCG','PHARMA','ECOMMERCE','RETAIL'])[1 + i % 5],
                       case when i % 50 = 0 then null else '上海' end, 'brep' || (i % 100),
                       case when i % 10 = 0 then 'STRATEGIC' when i % 3 = 0 then 'IMPORTANT' else 'ORDINARY' end
                from generate_series(1, 2000) i""").update();
        jdbc.sql("""
                insert into opportunity (customer_id, name, amount, services, stage, status, owner_username)
                select c.id, '基准商机' || i, 100000 + (i * 7919) % 900000, 'WAREHOUSING',
                       (array['IDENTIFICATION','NEED_CONFIRMATION','SOLUTION_DESIGN','PROPOSAL_NEGOTIATION','CONTRACT_SIGNING'])[1 + i % 5],
                       'OPEN', c.owner_username
                from generate_series(1, :n) i join customer c on c.name = '基准客户' || (1 + i % 2000)""").param("n", DEALS).update();
        jdbc.sql("""
                insert into opportunity_score (opportunity_id, element_code, level)
                select o.id, e.code, (hashtext(o.id || e.code) & 2147483647) % 7 from opportunity o, scorecard_element e
                where o.name like '基准商机%'""").update();
        jdbc.sql("""
                insert into score_change (opportunity_id, element_code, from_level, to_level, evidence_kind, evidence_text, changed_by, status)
                select s.opportunity_id, s.element_code, s.level, least(s.level + 1, 6), 'NOTE', '基准证据', o.owner_username, 'PENDING'
                from opportunity_score s join opportunity o on o.id = s.opportunity_id
                where o.name like '基准商机%' and o.id % 20 = 0 and s.element_code = 'NEED'""").update();
        jdbc.sql("vacuum analyze").update();
    }
}
