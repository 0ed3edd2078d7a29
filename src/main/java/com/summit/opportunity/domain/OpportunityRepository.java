package com.summit.opportunity.domain;

import com.summit.customer.domain.LogisticsService;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OpportunityRepository {

    private static final String SELECT = """
            select o.id, o.customer_id, c.name as customer_name, o.name, o.description, o.amount, o.services, o.stage, o.status,
                   o.owner_username, o.stage_entered_at, o.process_instance_key, o.engine_epoch, o.created_at, o.updated_at, o.version,
                   o.stalled, o.paused_at, o.lost_reason, o.lost_note
            from opportunity o join customer c on c.id = o.customer_id""";

    private final JdbcClient jdbc;

    OpportunityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long customerId, String name, String description, BigDecimal amount, Set<LogisticsService> services,
            String owner) {
        return jdbc.sql("""
                insert into opportunity (customer_id, name, description, amount, services, stage, status, owner_username)
                values (:customer, :name, :description, :amount, :services, :stage, 'OPEN', :owner) returning id""")
                .param("customer", customerId).param("name", name).param("description", description)
                .param("amount", amount).param("services", join(services))
                .param("stage", Stage.IDENTIFICATION.name()).param("owner", owner)
                .query(Long.class).single();
    }

    /** An opportunity taken over at a stage it reached elsewhere (import from another CRM, demo data). */
    public void placeAt(long id, Stage stage, java.time.Instant enteredAt) {
        jdbc.sql("update opportunity set stage = :s, stage_entered_at = :at where id = :id")
                .param("id", id).param("s", stage.name()).param("at", java.sql.Timestamp.from(enteredAt)).update();
    }

    /**
     * Ties a lifecycle instance to its deal, unless the deal already has a live one: true when the deal is (now) run
     * by this instance. The deal's instance may be replaced only when it has none, or one of an earlier engine epoch
     * (the embedded engine forgot it); keys of different epochs may be equal, so both are compared.
     */
    public boolean claimInstance(long id, long processInstanceKey, String epoch) {
        jdbc.sql("""
                update opportunity set process_instance_key = :pi, engine_epoch = :e, updated_at = now()
                 where id = :id and (process_instance_key is null or engine_epoch is distinct from :e)""")
                .param("id", id).param("pi", processInstanceKey).param("e", epoch).update();
        return runBy(id, processInstanceKey, epoch);
    }

    /** Whether the deal is run by this lifecycle instance of this engine epoch. */
    public boolean runBy(long id, long processInstanceKey, String epoch) {
        return jdbc.sql("select count(*) from opportunity where id = :id and process_instance_key = :pi and engine_epoch = :e")
                .param("id", id).param("pi", processInstanceKey).param("e", epoch).query(Long.class).single() > 0;
    }

    /** Lets go of a lifecycle instance that has ended or was forgotten, so that a new one may claim the deal. */
    public void releaseInstance(long id, long processInstanceKey) {
        jdbc.sql("update opportunity set process_instance_key = null where id = :id and process_instance_key = :pi")
                .param("id", id).param("pi", processInstanceKey).update();
    }

    /**
     * Open deals without a lifecycle instance for a while: their start did not reach the engine (or its answer was
     * lost), and the sweep starts them again.
     */
    public List<Opportunity> findOpenWithoutInstance(java.time.Duration olderThan) {
        return jdbc.sql(SELECT + " where o.status in ('OPEN', 'PAUSED') and o.process_instance_key is null"
                        + " and o.updated_at < now() - make_interval(secs => :s) order by o.id")
                .param("s", olderThan.toSeconds()).query(this::map).list();
    }

    /** Moves an opportunity from one stage to the next; 0 when it is not in the expected stage (a repeated job). */
    public int advance(long id, Stage from, Stage to) {
        return jdbc.sql("""
                update opportunity set stage = :to, stage_entered_at = now(), stalled = false, updated_at = now(), version = version + 1
                where id = :id and stage = :from and status = 'OPEN'""")
                .param("id", id).param("from", from.name()).param("to", to.name()).update();
    }

    public int close(long id, Stage stage, OpportunityStatus status) {
        return jdbc.sql("""
                update opportunity set status = :status, stalled = false, closed_at = now(), updated_at = now(), version = version + 1
                where id = :id and stage = :stage and status = 'OPEN'""")
                .param("id", id).param("stage", stage.name()).param("status", status.name()).update();
    }

    public void recordStage(long id, Stage stage, String dataJson, String by) {
        jdbc.sql("""
                insert into opportunity_stage_record (opportunity_id, stage, data, recorded_by)
                values (:id, :stage, cast(:data as jsonb), :by)""")
                .param("id", id).param("stage", stage.name()).param("data", dataJson).param("by", by).update();
    }

    /** A stage's recorded result, oldest first. */
    public record StageRecord(Stage stage, String dataJson, String recordedBy, java.time.Instant recordedAt) {}

    public List<StageRecord> stageRecords(long id) {
        return jdbc.sql("select stage, data::text, recorded_by, recorded_at from opportunity_stage_record where opportunity_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new StageRecord(Stage.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    public int markStalled(long id) {
        return jdbc.sql("update opportunity set stalled = true, updated_at = now() where id = :id and status = 'OPEN'").param("id", id).update();
    }

    /** Pauses an open deal: its stall clock stops. */
    public int pause(long id) {
        return jdbc.sql("update opportunity set status = 'PAUSED', paused_at = now(), updated_at = now(), version = version + 1 where id = :id and status = 'OPEN'")
                .param("id", id).update();
    }

    /** Resumes a paused deal: the stage's start moves forward by the pause, so paused time never counts. */
    public int resume(long id) {
        return jdbc.sql("""
                update opportunity set status = 'OPEN', stage_entered_at = stage_entered_at + (now() - paused_at), paused_at = null,
                    updated_at = now(), version = version + 1
                where id = :id and status = 'PAUSED'""").param("id", id).update();
    }

    public int markLost(long id, String reason, String note) {
        return jdbc.sql("""
                update opportunity set status = 'LOST', lost_reason = :r, lost_note = :n, stalled = false, paused_at = null,
                    closed_at = now(), updated_at = now(), version = version + 1
                where id = :id and status in ('OPEN', 'PAUSED')""").param("id", id).param("r", reason).param("n", note).update();
    }

    public int reassign(long id, String owner) {
        int changed = jdbc.sql("update opportunity set owner_username = :o, updated_at = now(), version = version + 1 where id = :id and status in ('OPEN', 'PAUSED')")
                .param("id", id).param("o", owner).update();
        if (changed > 0) {
            jdbc.sql("delete from opportunity_member where opportunity_id = :id and (role = 'OWNER' or username = :o)").param("id", id).param("o", owner).update();
            addMember(id, owner, "OWNER", null);
        }
        return changed;
    }

    /** The managed list of reasons a deal is lost: code → (zh, en), active ones in order. */
    public java.util.LinkedHashMap<String, String[]> lostReasons() {
        java.util.LinkedHashMap<String, String[]> reasons = new java.util.LinkedHashMap<>();
        jdbc.sql("select code, label_zh, label_en from lost_reason where active order by position")
                .query(rs -> {
                    reasons.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return reasons;
    }

    public Optional<Opportunity> findById(long id) {
        return jdbc.sql(SELECT + " where o.id = :id").param("id", id).query(this::map).optional();
    }

    /** How many open deals are at each stage (paused and stalled ones included). */
    public java.util.Map<Stage, Integer> openByStage() {
        java.util.Map<Stage, Integer> counts = new java.util.EnumMap<>(Stage.class);
        jdbc.sql("select stage, count(*) from opportunity where status in ('OPEN', 'PAUSED') and stage is not null group by stage")
                .query(rs -> {
                    counts.put(Stage.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    /** The deals held by these instances of the engine's epoch. */
    public List<Opportunity> findByInstances(String epoch, java.util.Collection<Long> processInstanceKeys) {
        if (processInstanceKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where o.engine_epoch = :e and o.process_instance_key in (:keys)")
                .param("e", epoch).param("keys", List.copyOf(processInstanceKeys)).query(this::map).list();
    }

    public List<Opportunity> findAll() {
        return jdbc.sql(SELECT + " order by o.updated_at desc, o.id desc").query(this::map).list();
    }

    public List<Opportunity> findByOwner(String owner) {
        return jdbc.sql(SELECT + " where o.owner_username = :o order by o.updated_at desc, o.id desc")
                .param("o", owner).query(this::map).list();
    }

    /**
     * The opportunities a user may see: their own and those whose team they are in; for a manager also those
     * owned by people of their team or reporting to them; for an admin all.
     */
    public List<Opportunity> findVisibleTo(String username, String team, boolean manager, boolean admin) {
        return jdbc.sql(SELECT + " where " + visibility() + " order by o.updated_at desc, o.id desc")
                .param("u", username).param("team", team == null ? "" : team).param("manager", manager).param("admin", admin)
                .query(this::map).list();
    }

    /** One page of the deals the user may see, most recently changed first (the list's lazy grid). */
    public List<Opportunity> findVisibleTo(String username, String team, boolean manager, boolean admin, int offset, int limit) {
        return jdbc.sql(SELECT + " where " + visibility() + " order by o.updated_at desc, o.id desc offset :offset limit :limit")
                .param("u", username).param("team", team == null ? "" : team).param("manager", manager).param("admin", admin)
                .param("offset", offset).param("limit", limit).query(this::map).list();
    }

    public int countVisibleTo(String username, String team, boolean manager, boolean admin) {
        return jdbc.sql("select count(*) from opportunity o where " + visibility())
                .param("u", username).param("team", team == null ? "" : team).param("manager", manager).param("admin", admin)
                .query(Integer.class).single();
    }

    /** A customer's opportunities, newest first. */
    public List<Opportunity> findByCustomer(long customerId) {
        return jdbc.sql(SELECT + " where o.customer_id = :c order by o.id desc").param("c", customerId).query(this::map).list();
    }

    public boolean isVisibleTo(long id, String username, String team, boolean manager, boolean admin) {
        return jdbc.sql("select count(*) from opportunity o where o.id = :id and " + visibility())
                .param("id", id).param("u", username).param("team", team == null ? "" : team).param("manager", manager)
                .param("admin", admin).query(Long.class).single() > 0;
    }

    /**
     * The visibility rule as a condition on an opportunity id column, for another feature's query (the inbox):
     * true for the deals the user may see. Parameters are named {@code vis_*}.
     */
    public com.summit.base.SqlCondition visibleIds(String column, String username, String team, boolean manager, boolean admin) {
        if (admin) {
            return new com.summit.base.SqlCondition(column + " is not null", java.util.Map.of());
        }
        String rule = visibility().replace(":admin", "false").replace(":u", ":vis_u").replace(":team", ":vis_team")
                .replace(":manager", ":vis_manager");
        return new com.summit.base.SqlCondition(column + " in (select o.id from opportunity o where " + rule + ")",
                java.util.Map.of("vis_u", username, "vis_team", team == null ? "" : team, "vis_manager", manager));
    }

    private static String visibility() {
        return """
                (:admin or o.owner_username = :u
                 or exists (select 1 from opportunity_member m where m.opportunity_id = o.id and m.username = :u)
                 or (:manager and exists (select 1 from app_user a where a.username = o.owner_username
                                          and (a.manager_username = :u or (a.team = :team and :team <> '')))))""";
    }

    /**
     * A card on the board: the deal, its customer's tier and industry, its five levels and open veto holders, and
     * its column's totals (all the deals of that stage the user sees, not only the cards shown).
     */
    public record BoardRow(long id, String name, long customerId, String customerName, String tier, String industry, BigDecimal amount,
            Stage stage, OpportunityStatus status, String ownerUsername, String ownerTeam, java.time.Instant stageEnteredAt,
            java.time.Instant pausedAt, boolean stalled, int need, int power, int goals, int value, int collaboration, int vetoesOpen,
            long stageCount, BigDecimal stageAmount, String ownerName) {}

    /** An owner of open or paused deals the user sees: username, name and team (the board's filter choices). */
    public record BoardOwner(String username, String displayName, String team) {}

    /**
     * The owners of the open and paused deals the user may see, by name: one probe of the owner index per user,
     * stopping at the first visible deal, instead of reading every visible deal.
     */
    public List<BoardOwner> boardOwners(String username, String team, boolean manager, boolean admin) {
        return jdbc.sql("""
                select a0.username, a0.display_name, a0.team from app_user a0
                where exists (select 1 from opportunity o where o.owner_username = a0.username and o.status in ('OPEN', 'PAUSED')
                              and """ + visibility() + ") order by a0.display_name, a0.username")
                .param("u", username).param("team", team == null ? "" : team).param("manager", manager).param("admin", admin)
                .query((rs, n) -> new BoardOwner(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * The open and paused deals a user may see, largest first, at most {@code perColumn} per stage, with everything a
     * board card shows and each column's totals, in one query. The page of cards is chosen first; levels and veto
     * holders are read for those cards only. Filters are optional: owner, owner's team, tier, industry.
     */
    public List<BoardRow> board(String username, String team, boolean manager, boolean admin, String owner, String ownerTeam,
            String tier, String industry, int perColumn) {
        return jdbc.sql("""
                with visible as (
                    select o.id, o.name, o.customer_id, c.name as customer_name, c.tier, c.industry, o.amount, o.stage, o.status,
                           o.owner_username, u.team, o.stage_entered_at, o.paused_at, o.stalled, u.display_name as owner_name
                    from opportunity o
                    join customer c on c.id = o.customer_id
                    left join app_user u on u.username = o.owner_username
                    where o.status in ('OPEN', 'PAUSED')
                      and (cast(:owner as text) is null or o.owner_username = :owner)
                      and (cast(:ownerTeam as text) is null or u.team = :ownerTeam)
                      and (cast(:tier as text) is null or c.tier = :tier)
                      and (cast(:industry as text) is null or c.industry = :industry)
                      and """ + visibility() + """
                ), ranked as (
                    select v.*, row_number() over (partition by v.stage order by v.amount desc, v.id) as rn,
                           count(*) over (partition by v.stage) as stage_count, sum(v.amount) over (partition by v.stage) as stage_amount
                    from visible v
                )
                select r.id, r.name, r.customer_id, r.customer_name, r.tier, r.industry, r.amount, r.stage, r.status, r.owner_username,
                       r.team, r.stage_entered_at, r.paused_at, r.stalled,
                       coalesce(s.need, 0), coalesce(s.power, 0), coalesce(s.goals, 0), coalesce(s.value, 0), coalesce(s.collaboration, 0),
                       -- the veto holders the deal's routing called in its latest approval round that have not approved
                       -- (none before the deal reached an approval)
                       coalesce((select count(*) from approval_review v
                                  where v.round_id = (select max(ar.id) from approval_round ar join approval_request q on q.id = ar.request_id
                                                       where q.opportunity_id = r.id)
                                    and not exists (select 1 from approval_decision d where d.review_id = v.id and d.decision <> 'VETO')), 0),
                       r.stage_count, r.stage_amount, r.owner_name
                from ranked r
                left join lateral (
                    select max(level) filter (where element_code = 'NEED') as need,
                           max(level) filter (where element_code = 'POWER') as power,
                           max(level) filter (where element_code = 'GOALS') as goals,
                           max(level) filter (where element_code = 'VALUE') as value,
                           max(level) filter (where element_code = 'COLLABORATION') as collaboration
                    from opportunity_score where opportunity_id = r.id) s on true
                where r.rn <= :perColumn
                order by r.amount desc, r.id""")
                .param("u", username).param("team", team == null ? "" : team).param("manager", manager).param("admin", admin)
                .param("owner", owner).param("ownerTeam", ownerTeam).param("tier", tier).param("industry", industry)
                .param("perColumn", perColumn)
                .query((rs, n) -> new BoardRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBigDecimal(7), Stage.valueOf(rs.getString(8)), OpportunityStatus.valueOf(rs.getString(9)),
                        rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant(),
                        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getBoolean(14), rs.getInt(15),
                        rs.getInt(16), rs.getInt(17), rs.getInt(18), rs.getInt(19), Math.max(0, rs.getInt(20)), rs.getLong(21),
                        rs.getBigDecimal(22), rs.getString(23)))
                .list();
    }

    public record Member(String username, String role, String addedBy, java.time.Instant addedAt) {}

    public List<Member> members(long id) {
        return jdbc.sql("""
                select username, role, added_by, added_at from opportunity_member where opportunity_id = :id
                order by case role when 'OWNER' then 0 else 1 end, added_at""")
                .param("id", id)
                .query((rs, n) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    public void addMember(long id, String username, String role, String by) {
        jdbc.sql("""
                insert into opportunity_member (opportunity_id, username, role, added_by) values (:id, :u, :r, :by)
                on conflict (opportunity_id, username) do update set role = :r""")
                .param("id", id).param("u", username).param("r", role).param("by", by).update();
    }

    public int removeMember(long id, String username) {
        return jdbc.sql("delete from opportunity_member where opportunity_id = :id and username = :u and role <> 'OWNER'")
                .param("id", id).param("u", username).update();
    }

    public List<Opportunity> findOpen() {
        return jdbc.sql(SELECT + " where o.status in ('OPEN', 'PAUSED') order by o.id").query(this::map).list();
    }

    /** Won deals whose hand-over to operations was never completed (it was open when the engine stopped). */
    public List<Opportunity> findWonAwaitingHandover(String handoverElementId) {
        return jdbc.sql(SELECT + " " + """
                 where o.status = 'WON' and not exists (select 1 from human_task t where t.opportunity_id = o.id
                   and t.element_id = :e and t.state = 'COMPLETED') order by o.id""")
                .param("e", handoverElementId).query(this::map).list();
    }

    /** The amount of open (and paused) opportunities per customer. */
    public java.util.Map<Long, java.math.BigDecimal> openAmounts(java.util.Collection<Long> customerIds) {
        java.util.Map<Long, java.math.BigDecimal> amounts = new java.util.HashMap<>();
        if (customerIds.isEmpty()) {
            return amounts;
        }
        jdbc.sql("select customer_id, sum(amount) from opportunity where status in ('OPEN', 'PAUSED') and customer_id in (:ids) group by customer_id")
                .param("ids", customerIds).query((rs, n) -> amounts.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return amounts;
    }

    public List<Long> allIds() {
        return jdbc.sql("select id from opportunity order by id").query(Long.class).list();
    }

    public boolean nameTakenForCustomer(long customerId, String name) {
        return jdbc.sql("select count(*) from opportunity where customer_id = :c and lower(btrim(name)) = lower(btrim(:n)) and status = 'OPEN'")
                .param("c", customerId).param("n", name).query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from opportunity").query(Long.class).single();
    }

    private Opportunity map(ResultSet rs, int row) throws SQLException {
        long pi = rs.getLong("process_instance_key");
        Long processInstanceKey = rs.wasNull() ? null : pi;
        return new Opportunity(
                rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"), rs.getString("name"),
                rs.getString("description"), rs.getBigDecimal("amount"), split(rs.getString("services")),
                Stage.valueOf(rs.getString("stage")), OpportunityStatus.valueOf(rs.getString("status")),
                rs.getString("owner_username"), rs.getTimestamp("stage_entered_at").toInstant(), processInstanceKey,
                rs.getString("engine_epoch"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"), rs.getBoolean("stalled"),
                rs.getTimestamp("paused_at") == null ? null : rs.getTimestamp("paused_at").toInstant(),
                rs.getString("lost_reason"), rs.getString("lost_note"));
    }

    private static String join(Set<LogisticsService> services) {
        return services.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<LogisticsService> split(String services) {
        Set<LogisticsService> set = EnumSet.noneOf(LogisticsService.class);
        if (services != null && !services.isBlank()) {
            Arrays.stream(services.split(",")).map(String::strip).map(LogisticsService::valueOf).forEach(set::add);
        }
        return set;
    }
}
