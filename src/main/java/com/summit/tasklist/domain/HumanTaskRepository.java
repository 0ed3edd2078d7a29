package com.summit.tasklist.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class HumanTaskRepository {

    private static final String COLUMNS = """
            id, job_key, engine_epoch, process_instance_key, process_definition_key, bpmn_process_id, element_id, name,
            form_key, assignee, candidate_groups, candidate_users, due_at, follow_up_at, priority, variables::text,
            opportunity_id, state, end_reason, created_at, completed_at, completed_by""";

    private final JdbcClient jdbc;

    HumanTaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a captured task once per job key; returns false when the job was captured before. */
    public boolean insertIfAbsent(NewTask t) {
        return jdbc.sql("""
                insert into human_task (job_key, engine_epoch, process_instance_key, process_definition_key, bpmn_process_id,
                    element_id, element_instance_key, name, form_key, assignee, candidate_groups, candidate_users, due_at,
                    follow_up_at, priority, variables, opportunity_id)
                values (:jobKey, :epoch, :pi, :pd, :bpmnProcessId, :elementId, :ei, :name, :formKey, :assignee,
                    string_to_array(:groups, chr(31)), string_to_array(:users, chr(31)), :dueAt, :followUpAt, :priority,
                    cast(:variables as jsonb), :opportunityId)
                on conflict (engine_epoch, job_key) do nothing""")
                .param("jobKey", t.jobKey())
                .param("epoch", t.engineEpoch())
                .param("pi", t.processInstanceKey())
                .param("pd", t.processDefinitionKey())
                .param("bpmnProcessId", t.bpmnProcessId())
                .param("elementId", t.elementId())
                .param("ei", t.elementInstanceKey())
                .param("name", t.name())
                .param("formKey", t.formKey())
                .param("assignee", t.assignee())
                .param("groups", String.join("\u001f", t.candidateGroups()))
                .param("users", String.join("\u001f", t.candidateUsers()))
                .param("dueAt", t.dueAt() == null ? null : Timestamp.from(t.dueAt()))
                .param("followUpAt", t.followUpAt() == null ? null : Timestamp.from(t.followUpAt()))
                .param("priority", t.priority())
                .param("variables", t.variablesJson())
                .param("opportunityId", t.opportunityId())
                .update() == 1;
    }

    public Optional<HumanTask> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from human_task where id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<HumanTask> findByJobKey(String epoch, long jobKey) {
        return jdbc.sql("select " + COLUMNS + " from human_task where engine_epoch = :e and job_key = :k")
                .param("e", epoch).param("k", jobKey).query(this::map).optional();
    }

    /**
     * The inbox query: one scope, any filters, one order, narrowed to what the user may see. Business data is
     * matched in the task's variables (customer, stage, free text), so every process's tasks can be filtered the
     * same way.
     */
    public List<HumanTask> find(TaskQuery q, TaskVisibility who, java.time.ZoneId zone, int limit) {
        return find(q, who, zone, 0, limit);
    }

    /** One page of the inbox query: {@code limit} tasks after the first {@code offset} (a lazy grid's fetch). */
    public List<HumanTask> find(TaskQuery q, TaskVisibility who, java.time.ZoneId zone, int offset, int limit) {
        Prepared query = prepare(q, who, zone, offset, limit);
        return jdbc.sql(query.sql()).params(query.params()).query(this::map).list();
    }

    /**
     * How many tasks the inbox query finds, counted up to {@code cap} (a lazy grid's count, and the number the inbox
     * shows). Each branch is counted on its own index and stops at the cap: my tasks, the tasks offered to my groups
     * (once each, though offered to two of them) and those offered to me by name are three disjoint sets, so their
     * sum is exact below the cap, and at or above it when one of them reaches it.
     */
    public int count(TaskQuery q, TaskVisibility who, java.time.ZoneId zone, int cap) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        Conditions c = conditions(q, who, zone, params);
        params.put("cap", cap);
        String from = c.filters().isEmpty() && c.scopedCheck().isEmpty() ? "task_group_offer"
                : "task_group_offer join human_task on human_task.id = task_group_offer.task_id";
        String mine = "(select count(*) from (select 1 from human_task where " + c.mine() + c.filters() + " limit :cap) x)";
        String offered = "(select count(*) from (select 1 from (select id from human_task where " + c.offeredToMe() + c.filters()
                + " offset 0) o limit :cap) x)";
        // a group that reaches the cap alone holds that many distinct tasks: the sum is then at least the cap
        String groups = "(select count(distinct task_id) from unnest(string_to_array(:groups, chr(31))) as my(grp) cross join lateral ("
                + "select task_id from " + from + " where offer_group = my.grp" + c.filters() + c.scopedCheck() + " limit :cap) o)";
        String sql = switch (q.scopeOrDefault()) {
            case INBOX -> "select " + mine + " + " + groups + " + " + offered;
            case MINE -> "select " + mine;
            case CLAIMABLE -> "select " + groups + " + " + offered;
            case ALL -> "select count(*) from (select 1 from human_task where " + c.everyone() + c.filters() + " limit :cap) x";
            case DONE -> "select count(*) from (select 1 from human_task where state = 'COMPLETED' and completed_by = :user"
                    + c.filters() + " limit :cap) x";
        };
        return (int) Math.min(cap, jdbc.sql(sql).params(params).query(Long.class).single());
    }

    /** The inbox query's conditions, shared by its pages and its count; their values go into {@code params}. */
    private record Conditions(String filters, String mine, String offeredToMe, String scopedCheck, String everyone) {}

    private static Conditions conditions(TaskQuery q, TaskVisibility who, java.time.ZoneId zone, java.util.Map<String, Object> params) {
        params.put("user", who.username());
        params.put("groups", String.join("\u001f", who.groups()));
        params.put("freeGroups", String.join("\u001f", who.freeGroups()));
        String filters = filters(q, zone, params);
        String mine = "state = 'OPEN' and assignee = :user";
        String offeredToMe = "state = 'OPEN' and assignee is null and candidate_users @> array[cast(:user as text)]"
                + " and not (candidate_groups && string_to_array(:groups, chr(31)))";
        // a task offered to a manager or a rep group is theirs only while they may see its deal
        String scopedCheck = "";
        if (!who.admin() && !who.scopedGroups().isEmpty()) {
            scopedCheck = " and (my.grp = any(string_to_array(:freeGroups, chr(31))) or human_task.opportunity_id is null or "
                    + who.deals().sql() + ")";
            params.putAll(who.deals().params());
        }
        String everyone = "state = 'OPEN'";
        if (!who.admin()) {
            everyone += " and (assignee = :user or " + who.deals().sql() + ")";
            params.putAll(who.deals().params());
        }
        return new Conditions(filters, mine, offeredToMe, scopedCheck, everyone);
    }

    private static final String PAGE = " offset :pageOffset limit :pageLimit";

    /** A query's SQL and parameters (the inbox benchmark explains them). */
    record Prepared(String sql, java.util.Map<String, Object> params) {}

    Prepared prepare(TaskQuery q, TaskVisibility who, java.time.ZoneId zone, int limit) {
        return prepare(q, who, zone, 0, limit);
    }

    /** Each branch reads up to offset + limit in order; the merged result skips the offset and keeps the limit. */
    Prepared prepare(TaskQuery q, TaskVisibility who, java.time.ZoneId zone, int offset, int limit) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        Conditions c = conditions(q, who, zone, params);
        params.put("limit", offset + limit);
        params.put("pageOffset", offset);
        params.put("pageLimit", limit);
        String filters = c.filters();
        String order = switch (q.sortOrDefault()) {
            case DUE -> " order by due_at, priority desc, id";
            case PRIORITY -> " order by priority desc, due_at, id";
            case CREATED -> q.scopeOrDefault() == TaskQuery.Scope.DONE ? " order by completed_at desc, id desc" : " order by created_at desc, id desc";
        };
        String select = "select " + COLUMNS + " from human_task where ";
        String mine = c.mine();
        String offeredToMe = c.offeredToMe();
        String ofMyGroups = select + "id in (" + groupOffers(q, filters, c.scopedCheck()) + ")";
        String everyone = c.everyone();
        String sql = switch (q.scopeOrDefault()) {
            // Ordered ranges, each cut at the limit, merged: every branch walks an index in the wanted order
            // instead of sorting all of a user's tasks (see V6, V8 and bench/RESULTS.md).
            case INBOX -> "select * from ((" + select + mine + filters + order + " limit :limit) union all ("
                    + ofMyGroups + order + " limit :limit) union all ("
                    + fenced(select + offeredToMe + filters) + order + " limit :limit)) t" + order + PAGE;
            case MINE -> select + mine + filters + order + PAGE;
            case CLAIMABLE -> "select * from ((" + ofMyGroups + order + " limit :limit) union all ("
                    + fenced(select + offeredToMe + filters) + order + " limit :limit)) t" + order + PAGE;
            case ALL -> select + everyone + filters + order + PAGE;
            case DONE -> select + "state = 'COMPLETED' and completed_by = :user" + filters + order + PAGE;
        };
        return new Prepared(sql, params);
    }

    /**
     * The ids of the first open unassigned tasks of each of my groups, in the wanted order: one short range of
     * task_group_offer per group (kept by a trigger, V8), each task checked against the filters as it is read.
     * A task offered to two of my groups comes twice; the caller's {@code id in} keeps it once.
     */
    private static String groupOffers(TaskQuery q, String filters, String scopedCheck) {
        String order = switch (q.sortOrDefault()) {
            case DUE -> " order by offer_due, offer_priority desc, task_id";
            case PRIORITY -> " order by offer_priority desc, offer_due, task_id";
            case CREATED -> " order by offer_created desc, task_id desc";
        };
        // without filters the offer rows alone decide: one index range per group, no task read until the page
        String from = filters.isEmpty() && scopedCheck.isEmpty() ? "task_group_offer"
                : "task_group_offer join human_task on human_task.id = task_group_offer.task_id";
        return "select o.task_id from unnest(string_to_array(:groups, chr(31))) as my(grp) cross join lateral ("
                + "select task_id from " + from + " where offer_group = my.grp" + filters + scopedCheck + order + " limit :limit) o";
    }

    /**
     * Tasks offered to a named user are rare: found through their GIN index first, then sorted. The
     * {@code offset 0} fence keeps the planner from walking the due-date index over every unassigned task.
     */
    private static String fenced(String query) {
        return "select * from (" + query + " offset 0) offered";
    }

    /** The filters as SQL conditions on human_task's own columns and variables; every value is a parameter. */
    private static String filters(TaskQuery q, java.time.ZoneId zone, java.util.Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (q.bpmnProcessId() != null && !q.bpmnProcessId().isBlank()) {
            sql.append(" and bpmn_process_id = :process");
            params.put("process", q.bpmnProcessId());
        }
        if (q.stage() != null && !q.stage().isBlank()) {
            sql.append(" and variables->>'stage' = :stage");
            params.put("stage", q.stage());
        }
        if (q.customer() != null && !q.customer().isBlank()) {
            sql.append(" and variables->>'customerName' ilike :customer");
            params.put("customer", "%" + like(q.customer().strip()) + "%");
        }
        if (q.customerTier() != null && !q.customerTier().isBlank()) {
            sql.append(" and exists (select 1 from customer c where c.tier = :customerTier and (c.id = (select o.customer_id from opportunity o"
                    + " where o.id = human_task.opportunity_id) or c.id = case when human_task.variables->>'customerId' ~ '^[0-9]{1,18}$'"
                    + " then cast(human_task.variables->>'customerId' as bigint) end))");
            params.put("customerTier", q.customerTier());
        }
        if (q.candidateGroup() != null && !q.candidateGroup().isBlank()) {
            sql.append(" and :candidateGroup = any(candidate_groups)");
            params.put("candidateGroup", q.candidateGroup());
        }
        if (q.minPriority() != null) {
            sql.append(" and priority >= :minPriority");
            params.put("minPriority", q.minPriority());
        }
        if (q.due() != null) {
            java.time.ZonedDateTime startOfToday = java.time.LocalDate.now(zone).atStartOfDay(zone);
            switch (q.due()) {
                case OVERDUE -> sql.append(" and due_at < now()");
                case TODAY -> {
                    sql.append(" and due_at < :endOfToday");
                    params.put("endOfToday", Timestamp.from(startOfToday.plusDays(1).toInstant()));
                }
                case THIS_WEEK -> {
                    sql.append(" and due_at < :endOfWeek");
                    params.put("endOfWeek", Timestamp.from(startOfToday.plusDays(7).toInstant()));
                }
                case NONE -> sql.append(" and due_at is null");
            }
        }
        if (q.followUpBefore() != null) {
            sql.append(" and follow_up_at < :followUp");
            params.put("followUp", Timestamp.from(q.followUpBefore().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            sql.append(" and (name ilike :text or variables::text ilike :text)");
            params.put("text", "%" + like(q.text().strip()) + "%");
        }
        return sql.toString();
    }

    /** Distinct values of one expression over the open tasks (only fixed expressions, never user input). */
    /**
     * The distinct stages of open tasks, by skipping through their index (V27): one index probe per stage found,
     * whatever the number of open tasks.
     */
    public List<String> openStages() {
        return jdbc.sql("""
                with recursive s(v) as (
                    (select variables ->> 'stage' from human_task where state = 'OPEN' and variables ->> 'stage' is not null
                     order by variables ->> 'stage' limit 1)
                    union all
                    select (select variables ->> 'stage' from human_task where state = 'OPEN' and variables ->> 'stage' > s.v
                            order by variables ->> 'stage' limit 1) from s where s.v is not null)
                select v from s where v is not null""").query(String.class).list();
    }

    /** The groups that open unassigned tasks are offered to, by skipping through task_group_offer's index. */
    public List<String> offeringGroups() {
        return jdbc.sql("""
                with recursive g(v) as (
                    (select offer_group from task_group_offer order by offer_group limit 1)
                    union all
                    select (select offer_group from task_group_offer where offer_group > g.v order by offer_group limit 1)
                    from g where g.v is not null)
                select v from g where v is not null""").query(String.class).list();
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** How many tasks are open at each element of one version (the engine's number) of a process. */
    public java.util.Map<String, Integer> openByElement(String bpmnProcessId, int version) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                select t.element_id, count(*) from human_task t
                  join deployed_process d on d.process_definition_key = t.process_definition_key
                 where t.bpmn_process_id = :id and d.version = :v and t.state = 'OPEN'
                 group by t.element_id""")
                .param("id", bpmnProcessId).param("v", version)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    public List<HumanTask> findOpenByOpportunity(long opportunityId) {
        return jdbc.sql("select " + COLUMNS + " from human_task where opportunity_id = :o and state = 'OPEN' order by created_at")
                .param("o", opportunityId).query(this::map).list();
    }

    /** The open tasks of one instance of this engine's epoch (instance keys repeat across the embedded engine's restarts). */
    public List<HumanTask> findOpenByInstance(String epoch, long processInstanceKey) {
        return jdbc.sql("select " + COLUMNS + " from human_task where engine_epoch = :e and process_instance_key = :pi and state = 'OPEN' order by id")
                .param("e", epoch).param("pi", processInstanceKey).query(this::map).list();
    }

    /** An open task whose instance moved to another version: the element, name and form it has now. */
    public int relocate(long id, long processDefinitionKey, String elementId, String name, Long formKey) {
        return jdbc.sql("""
                update human_task set process_definition_key = :pd, element_id = :el, name = :name, form_key = :form
                where id = :id and state = 'OPEN'""")
                .param("id", id).param("pd", processDefinitionKey).param("el", elementId).param("name", name).param("form", formKey)
                .update();
    }

    public List<HumanTask> findCompletedBy(String username, int limit) {
        return jdbc.sql("select " + COLUMNS + " from human_task where completed_by = :u order by completed_at desc limit :limit")
                .param("u", username).param("limit", limit).query(this::map).list();
    }

    /**
     * Takes an open task's submission from its assignee: SUBMITTING, with the values, committed before the engine is
     * asked; 0 when someone else got there first or the task is no longer the user's.
     */
    /**
     * The values submitted on a deal's tasks of the given elements, oldest first (whatever the engine epoch), including a
     * submission the engine took whose answer is not settled yet (the process may already act on it).
     */
    public List<String> submittedOn(long opportunityId, String bpmnProcessId, java.util.Collection<String> elementIds) {
        return jdbc.sql("""
                select submitted::text from human_task
                 where opportunity_id = :o and bpmn_process_id = :p and element_id in (:e) and state in ('SUBMITTING', 'COMPLETED')
                   and submitted is not null
                 order by submitted_at nulls first, id""")
                .param("o", opportunityId).param("p", bpmnProcessId).param("e", elementIds).query(String.class).list();
    }

    /**
     * A task that replaces one of an earlier engine epoch (same deal and step) takes over the draft typed there and not
     * submitted yet.
     */
    /**
     * Whether the task continues one of an earlier engine epoch (the embedded engine forgot its instances, and the
     * step was started again): same deal, same step, same assignee, not completed.
     */
    public boolean continuesEarlierTask(String epoch, long jobKey) {
        return jdbc.sql("""
                select count(*) from human_task t join human_task o
                  on o.opportunity_id = t.opportunity_id and o.bpmn_process_id = t.bpmn_process_id and o.element_id = t.element_id
                 and o.assignee is not distinct from t.assignee and o.engine_epoch <> t.engine_epoch and o.state <> 'COMPLETED'
                where t.engine_epoch = :e and t.job_key = :k and t.opportunity_id is not null""")
                .param("e", epoch).param("k", jobKey).query(Long.class).single() > 0;
    }

    public void inheritDraft(String epoch, long jobKey) {
        jdbc.sql("""
                update human_task t set draft = (
                    select o.draft from human_task o
                     where o.opportunity_id = t.opportunity_id and o.bpmn_process_id = t.bpmn_process_id and o.element_id = t.element_id
                       and o.engine_epoch <> t.engine_epoch and o.draft is not null and o.state <> 'COMPLETED'
                     order by o.id desc limit 1)
                 where t.engine_epoch = :e and t.job_key = :k and t.opportunity_id is not null and t.draft is null""")
                .param("e", epoch).param("k", jobKey).update();
        // taken over once: the old task's draft is used up, so later rounds of the same step do not get it again
        jdbc.sql("""
                update human_task o set draft = null
                 where o.draft is not null and o.state <> 'COMPLETED' and o.engine_epoch <> :e
                   and exists (select 1 from human_task t where t.engine_epoch = :e and t.job_key = :k
                               and t.opportunity_id = o.opportunity_id and t.bpmn_process_id = o.bpmn_process_id and t.element_id = o.element_id)""")
                .param("e", epoch).param("k", jobKey).update();
    }

    public int markSubmitting(long id, String username, String submittedJson) {
        return jdbc.sql("""
                update human_task set state = 'SUBMITTING', submitted = cast(:submitted as jsonb), submitted_by = :u, submitted_at = now()
                where id = :id and state = 'OPEN' and assignee = :u""")
                .param("id", id).param("u", username).param("submitted", submittedJson).update();
    }

    /** The engine took the submission: the task is completed by whoever submitted it; 0 when it was settled before. */
    public int finishSubmission(long id) {
        return jdbc.sql("""
                update human_task set state = 'COMPLETED', completed_at = now(), completed_by = submitted_by,
                    variables = variables || submitted, draft = null
                where id = :id and state = 'SUBMITTING'""")
                .param("id", id).update();
    }

    /** The engine refused the submission: the task is open again, the submitted values kept as the assignee's draft. */
    public int reopenSubmission(long id) {
        return jdbc.sql("""
                update human_task set state = 'OPEN', draft = submitted, submitted = null, submitted_by = null, submitted_at = null
                where id = :id and state = 'SUBMITTING'""")
                .param("id", id).update();
    }

    /** Submissions of this engine run still waiting for the engine's answer, the oldest first. */
    public List<HumanTask> findUnsettledSubmissions(String epoch, java.time.Duration olderThan, int limit) {
        return jdbc.sql("select " + COLUMNS + " from human_task where state = 'SUBMITTING' and engine_epoch = :e"
                        + " and submitted_at < now() - cast(:age as interval) order by submitted_at limit :limit")
                .param("e", epoch).param("age", olderThan.toMillis() + " milliseconds").param("limit", limit).query(this::map).list();
    }

    public Optional<String> submittedBy(long id) {
        return jdbc.sql("select submitted_by from human_task where id = :id and submitted_by is not null").param("id", id)
                .query(String.class).optional();
    }

    /** The values a submission carries (for settling it with the engine). */
    public Optional<String> submitted(long id) {
        return jdbc.sql("select submitted::text from human_task where id = :id and state = 'SUBMITTING'").param("id", id)
                .query(String.class).optional();
    }

    /** Cancels a task that is still open (the engine ended its step); 0 when it was completed meanwhile. */
    public int cancelIfOpen(long id, String reason) {
        return jdbc.sql("update human_task set state = 'CANCELED', completed_at = now(), end_reason = :r where id = :id and state = 'OPEN'")
                .param("id", id).param("r", reason).update();
    }

    public int markCanceled(long id, String reason) {
        return jdbc.sql("update human_task set state = 'CANCELED', completed_at = now(), end_reason = :r where id = :id and state <> 'CANCELED'")
                .param("id", id).param("r", reason).update();
    }

    /** Every open task of another engine epoch is gone from the engine; its step starts again under a new job. */
    public int cancelOpenOfOtherEpochs(String epoch, String reason) {
        return jdbc.sql("update human_task set state = 'CANCELED', completed_at = now(), end_reason = :r where state in ('OPEN', 'SUBMITTING') and engine_epoch <> :e")
                .param("e", epoch).param("r", reason).update();
    }

    /** Takes an unassigned open task; 0 when someone else holds it or it is no longer open. */
    public int claim(long id, String username) {
        return jdbc.sql("update human_task set assignee = :u where id = :id and state = 'OPEN' and assignee is null")
                .param("id", id).param("u", username).update();
    }

    /** Gives a task back to its candidates; 0 unless the user holds it. */
    public int unclaim(long id, String username) {
        return jdbc.sql("update human_task set assignee = null where id = :id and state = 'OPEN' and assignee = :u")
                .param("id", id).param("u", username).update();
    }

    public int assign(long id, String username) {
        return jdbc.sql("update human_task set assignee = :u where id = :id and state = 'OPEN'")
                .param("id", id).param("u", username).update();
    }

    public void addEvent(HumanTask task, TaskEvent.Type type, String actor, String target) {
        jdbc.sql("""
                insert into task_event (task_id, process_instance_key, type, actor, target)
                values (:task, :pi, :type, :actor, :target)""")
                .param("task", task.id()).param("pi", task.processInstanceKey()).param("type", type.name())
                .param("actor", actor).param("target", target).update();
    }

    /** The history of the process instance the task belongs to, oldest first (instance keys repeat across engine epochs). */
    public List<TaskEvent> historyOfInstance(HumanTask task) {
        return jdbc.sql("""
                select e.task_id, t.name, e.type, e.actor, e.target, e.created_at, t.bpmn_process_id, t.element_id,
                       t.variables -> 'review' ->> 'department'
                from task_event e join human_task t on t.id = e.task_id
                where e.process_instance_key = :pi and t.engine_epoch = :epoch order by e.id""")
                .param("pi", task.processInstanceKey()).param("epoch", task.engineEpoch())
                .query((rs, n) -> new TaskEvent(rs.getLong(1), rs.getString(2), TaskEvent.Type.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    /** What happened to the tasks of an opportunity, oldest first. */
    public List<TaskEvent> eventsOfOpportunity(long opportunityId) {
        return jdbc.sql("""
                select e.task_id, t.name, e.type, e.actor, e.target, e.created_at, t.bpmn_process_id, t.element_id,
                       t.variables -> 'review' ->> 'department'
                from task_event e join human_task t on t.id = e.task_id
                where t.opportunity_id = :o order by e.id""")
                .param("o", opportunityId)
                .query((rs, n) -> new TaskEvent(rs.getLong(1), rs.getString(2), TaskEvent.Type.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    /** The comments on the tasks of an opportunity, with the task's name, oldest first. */
    public List<java.util.Map.Entry<String, TaskComment>> commentsOfOpportunity(long opportunityId) {
        return jdbc.sql("""
                select c.id, c.task_id, c.author, c.body, c.created_at, t.name from task_comment c join human_task t on t.id = c.task_id
                where t.opportunity_id = :o order by c.id""")
                .param("o", opportunityId)
                .query((rs, n) -> java.util.Map.entry(rs.getString(6), new TaskComment(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant())))
                .list();
    }

    public void addComment(HumanTask task, String author, String body) {
        jdbc.sql("insert into task_comment (task_id, process_instance_key, author, body) values (:t, :pi, :a, :b)")
                .param("t", task.id()).param("pi", task.processInstanceKey()).param("a", author).param("b", body).update();
    }

    /** The comments on every task of the instance, oldest first: a conversation follows the case, not one step. */
    public List<TaskComment> commentsOfInstance(HumanTask task) {
        return jdbc.sql("""
                select c.id, c.task_id, c.author, c.body, c.created_at from task_comment c join human_task t on t.id = c.task_id
                where c.process_instance_key = :pi and t.engine_epoch = :epoch order by c.id""")
                .param("pi", task.processInstanceKey()).param("epoch", task.engineEpoch())
                .query((rs, n) -> new TaskComment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Keeps the assignee's half-filled values; 0 unless the user holds the open task. */
    public int saveDraft(long id, String username, String draftJson) {
        return jdbc.sql("update human_task set draft = cast(:d as jsonb) where id = :id and state = 'OPEN' and assignee = :u")
                .param("id", id).param("u", username).param("d", draftJson).update();
    }

    public java.util.Optional<String> draft(long id) {
        return jdbc.sql("select draft::text from human_task where id = :id and draft is not null").param("id", id)
                .query(String.class).optional();
    }

    /** Open tasks of this engine epoch, the longest unchecked first. */
    public List<HumanTask> findOpenToCheck(String epoch, int limit) {
        return jdbc.sql("select " + COLUMNS + " from human_task where state = 'OPEN' and engine_epoch = :e"
                        + " order by checked_at nulls first, id limit :limit")
                .param("e", epoch).param("limit", limit).query(this::map).list();
    }

    public void markChecked(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update human_task set checked_at = now() where id in (:ids)").param("ids", ids).update();
        }
    }

    private HumanTask map(ResultSet rs, int row) throws SQLException {
        return new HumanTask(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                rs.getString(8), (Long) rs.getObject(9), rs.getString(10), strings(rs.getArray(11)), strings(rs.getArray(12)),
                instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)), rs.getInt(15), rs.getString(16),
                (Long) rs.getObject(17), TaskState.valueOf(rs.getString(18)), rs.getString(19), instant(rs.getTimestamp(20)),
                instant(rs.getTimestamp(21)), rs.getString(22));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static java.time.Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
