package com.summit.tasklist.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.engine.DeployedForm;
import com.summit.engine.ProcessEngine;
import com.summit.engine.ProcessModels;
import com.summit.engine.ProcessesDeployed;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.domain.HumanTaskRepository;
import com.summit.tasklist.domain.NewTask;
import com.summit.tasklist.domain.TaskComment;
import com.summit.tasklist.domain.TaskQuery;
import com.summit.tasklist.domain.TaskEvent;
import com.summit.tasklist.process.TaskEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The human-task inbox: capture, listing, opening and completing tasks, with the server deciding who may. */
@Service
public class TaskService {

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);
    private static final int INBOX_LIMIT = 200;

    private final HumanTaskRepository tasks;
    private final TaskBroadcaster broadcaster;
    private final ProcessEngine engine;
    private final TaskEngine taskEngine;
    private final FormValidator validator;
    private final FormLocalizer localizer;
    private final List<TaskContextProvider> contextProviders;
    private final List<TaskSubmissionCheck> submissionChecks;
    private final UserService users;
    private final ProcessModels models;
    private final Messages messages;
    private final ObjectMapper json;
    private final TaskAccess access;
    private final TaskRefusals refusals;
    private final org.springframework.beans.factory.ObjectProvider<SubmissionFeedback> feedbacks;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    TaskService(HumanTaskRepository tasks, TaskBroadcaster broadcaster, ProcessEngine engine, TaskEngine taskEngine, FormValidator validator,
            FormLocalizer localizer, List<TaskContextProvider> contextProviders, List<TaskSubmissionCheck> submissionChecks, UserService users, ProcessModels models, Messages messages, ObjectMapper json,
            TaskAccess access, TaskRefusals refusals, org.springframework.transaction.support.TransactionTemplate transactions,
            org.springframework.beans.factory.ObjectProvider<SubmissionFeedback> feedbacks,
            com.summit.notify.service.NotificationService notifications) {
        this.notifications = notifications;
        this.feedbacks = feedbacks;
        this.access = access;
        this.refusals = refusals;
        this.transactions = transactions;
        this.tasks = tasks;
        this.broadcaster = broadcaster;
        this.engine = engine;
        this.taskEngine = taskEngine;
        this.validator = validator;
        this.localizer = localizer;
        this.contextProviders = contextProviders;
        this.submissionChecks = submissionChecks;
        this.users = users;
        this.models = models;
        this.messages = messages;
        this.json = json;
    }

    private final com.summit.notify.service.NotificationService notifications;

    /** Stores a user-task job once; a job activated again after its timeout adds nothing. */
    @Transactional
    public boolean capture(NewTask task) {
        boolean inserted = tasks.insertIfAbsent(task);
        if (inserted) {
            boolean continues = task.opportunityId() != null && tasks.continuesEarlierTask(task.engineEpoch(), task.jobKey());
            if (task.opportunityId() != null) {
                // a task started again after a restart keeps what was typed in its predecessor
                tasks.inheritDraft(task.engineEpoch(), task.jobKey());
            }
            tasks.findByJobKey(task.engineEpoch(), task.jobKey()).ifPresent(t -> {
                tasks.addEvent(t, TaskEvent.Type.CREATED, null, t.assignee());
                broadcaster.available(t);
                if (t.assignee() != null && !t.assignee().isBlank() && !continues) {
                    // the assignee hears of a new task (not of one started again after a restart)
                    notifications.send(List.of(t.assignee()), new com.summit.notify.service.NotificationService.Message("TASK_ASSIGNED",
                            "task:" + t.engineEpoch() + ":" + t.jobKey(), "tasks/" + t.id(), notifications.text("notify.task.assigned",
                                    locale -> new Object[] {name(t, locale), about(t)})));
                }
            });
            log.debug("Captured task {} ({}) of instance {}", task.name(), task.jobKey(), task.processInstanceKey());
        }
        return inserted;
    }

    /**
     * What the submitter of a task hears at once besides "done" (the gate's answer to a request to advance), if a
     * feature has something to say; only about a task the user may see.
     */
    public java.util.Optional<String> feedback(long taskId, String submittedJson, java.time.Instant since, SummitUser user, Locale locale) {
        HumanTask task = tasks.findById(taskId).filter(t -> access.maySee(t, user)).orElse(null);
        if (task == null) {
            return java.util.Optional.empty();
        }
        Map<String, Object> submitted;
        try {
            submitted = submittedJson == null || submittedJson.isBlank() ? Map.of()
                    : json.readValue(submittedJson, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
        return feedbacks.orderedStream().map(f -> f.feedback(task, submitted, since, user, locale)).flatMap(java.util.Optional::stream).findFirst();
    }

    /**
     * The work saved on a deal's tasks of these steps, merged oldest first (a later save wins): what a process started
     * again after a restart continues with.
     */
    public Map<String, Object> submittedWork(long opportunityId, String bpmnProcessId, java.util.Collection<String> elementIds) {
        Map<String, Object> work = new java.util.LinkedHashMap<>();
        for (String submitted : tasks.submittedOn(opportunityId, bpmnProcessId, elementIds)) {
            try {
                work.putAll(json.readValue(submitted, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
            } catch (java.io.IOException e) {
                log.warn("Ignoring saved work that is not a JSON object on deal {}: {}", opportunityId, e.getMessage());
            }
        }
        return work;
    }

    /** After a start-up deployment: tasks of an earlier engine epoch are gone from the engine. */
    @EventListener
    @Order(0)
    @Transactional
    public void onProcessesDeployed(ProcessesDeployed deployed) {
        int canceled = tasks.cancelOpenOfOtherEpochs(deployed.epoch(), "ENGINE_RESTARTED");
        if (canceled > 0) {
            log.info("{} open tasks of an earlier engine run left the inbox; their steps start again", canceled);
        }
    }

    public java.util.Optional<HumanTask> find(long taskId) {
        return tasks.findById(taskId);
    }

    public List<TaskRow> inbox(SummitUser user) {
        return inbox(user, Locales.DEFAULT);
    }

    public List<TaskRow> inbox(SummitUser user, Locale locale) {
        return find(TaskQuery.inbox(), user, locale);
    }

    /** The inbox as the user asked for it: scope, filters, order. Everyone's tasks are for managers only. */
    public List<TaskRow> find(TaskQuery query, SummitUser user, Locale locale) {
        return page(query, user, locale, 0, INBOX_LIMIT);
    }

    /** One page of the inbox as the user asked for it (a lazy grid's fetch). */
    public List<TaskRow> page(TaskQuery query, SummitUser user, Locale locale, int offset, int limit) {
        requireScopeAllowed(query, user);
        return tasks.find(query, access.visibility(user), Locales.ZONE, offset, limit).stream().map(rowMaker(locale)).toList();
    }

    /** Counted up to this many; beyond it the inbox says "more than 1,000" (a filter narrows it; nobody scrolls further). */
    public static final int COUNT_CAP = 1_000;

    /** How many tasks the query finds, up to {@link #COUNT_CAP} (then {@code COUNT_CAP + 1}). */
    public int count(TaskQuery query, SummitUser user) {
        requireScopeAllowed(query, user);
        return tasks.count(query, access.visibility(user), Locales.ZONE, COUNT_CAP + 1);
    }

    /** Everyone's tasks are for managers only. */
    private static void requireScopeAllowed(TaskQuery query, SummitUser user) {
        if (query.scopeOrDefault() == TaskQuery.Scope.ALL && !isManager(user)) {
            throw new UserFacingException("task.error.forbidden");
        }
    }

    /** Values the inbox can be filtered by, taken from the open tasks themselves (skipping through indexes, not reading them all). */
    public FilterOptions filterOptions(Locale locale) {
        Map<String, String> processes = new LinkedHashMap<>();
        models.processNames().forEach((id, name) -> processes.put(id, localizer.processName(id, name, locale)));
        return new FilterOptions(processes, tasks.openStages(), tasks.offeringGroups());
    }

    public record FilterOptions(Map<String, String> processes, List<String> stages, List<String> candidateGroups) {}

    /** Whether a task that became available is this user's to work on or to claim (and theirs to see). */
    public boolean isFor(HumanTask task, SummitUser user) {
        return access.isFor(task, user);
    }

    /** Tasks assigned to the user. */
    public List<TaskRow> assignedTo(SummitUser user, Locale locale) {
        return find(TaskQuery.inbox().withScope(TaskQuery.Scope.MINE), user, locale);
    }

    /** Unassigned tasks offered to the user or one of their groups: theirs to claim. */
    public List<TaskRow> claimable(SummitUser user, Locale locale) {
        return find(TaskQuery.inbox().withScope(TaskQuery.Scope.CLAIMABLE), user, locale);
    }

    /** Every open task of the deals a manager may see (every task, for an admin). */
    public List<TaskRow> allOpen(SummitUser user, Locale locale) {
        return find(TaskQuery.inbox().withScope(TaskQuery.Scope.ALL), user, locale);
    }

    public List<TaskRow> completedBy(SummitUser user, Locale locale) {
        return tasks.findCompletedBy(user.username(), INBOX_LIMIT).stream().map(rowMaker(locale)).toList();
    }

    /** What a task is about, for its notification: the deal and its customer, when it belongs to one. */
    private String about(HumanTask task) {
        Map<String, Object> vars = variables(task);
        String deal = text(vars.get("opportunityName"));
        String customer = text(vars.get("customerName"));
        return deal == null || deal.isBlank() ? "" : "“" + deal + "”" + (customer == null || customer.isBlank() ? "" : "（" + customer + "）");
    }

    /** Rows of one list share one lookup of display names (not one per row). */
    private java.util.function.Function<HumanTask, TaskRow> rowMaker(Locale locale) {
        Map<String, String> names = users.displayNames();
        return task -> {
            Map<String, Object> vars = variables(task);
            String assignee = task.assignee() == null ? null : names.getOrDefault(task.assignee(), task.assignee());
            return new TaskRow(task, name(task, vars, locale), text(vars.get("customerName")), text(vars.get("opportunityName")), assignee);
        };
    }

    /** A task's step name in the reader's language (for pages that list a deal's tasks). */
    public String displayName(HumanTask task, Locale locale) {
        return name(task, locale);
    }

    /**
     * The name of the task an event happened to, in the reader's language; a department's review says which
     * department ("部门审批（法务）").
     */
    public String eventTaskName(TaskEvent event, Locale locale) {
        String name = Locales.supported(locale).equals(Locales.ZH_CN) ? event.taskName()
                : messages.find("bpmn." + event.bpmnProcessId() + "." + event.elementId(), locale).orElse(event.taskName());
        if (event.department() == null || event.department().isBlank()) {
            return name;
        }
        String department = messages.find("role." + event.department(), locale).orElse(event.department());
        return messages.getTranslation("task.name.withDepartment", locale, name, department);
    }

    /**
     * The step's name as the model gives it (Chinese), or its translation ({@code bpmn.<process>.<element>}); a
     * department's review says which department, as its events do ("部门审批（财务）").
     */
    public String name(HumanTask task, Locale locale) {
        return name(task, variables(task), locale);
    }

    private String name(HumanTask task, Map<String, Object> variables, Locale locale) {
        String name = Locales.supported(locale).equals(Locales.ZH_CN) ? task.name()
                : messages.find("bpmn." + task.bpmnProcessId() + "." + task.elementId(), locale).orElse(task.name());
        if (variables.get("review") instanceof Map<?, ?> review && review.get("department") instanceof String department
                && !department.isBlank()) {
            return messages.getTranslation("task.name.withDepartment", locale, name, messages.find("role." + department, locale).orElse(department));
        }
        return name;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** The task history of an opportunity, for its page; the caller has checked that the user may see the opportunity. */
    public List<TaskEvent> eventsOfOpportunity(long opportunityId) {
        return tasks.eventsOfOpportunity(opportunityId);
    }

    /** Comments on the tasks of an opportunity (task name → comment); the caller has checked visibility. */
    public List<Map.Entry<String, TaskComment>> commentsOfOpportunity(long opportunityId) {
        return tasks.commentsOfOpportunity(opportunityId);
    }

    /** How many tasks wait at each element of one version of a process (the inbox's view). */
    public Map<String, Integer> openTasksByElement(String bpmnProcessId, int version) {
        return tasks.openByElement(bpmnProcessId, version);
    }

    public List<HumanTask> openTasksOfOpportunity(long opportunityId) {
        return tasks.findOpenByOpportunity(opportunityId);
    }

    /** The task page's content; refused to anyone who may neither work on nor claim the task. */
    public TaskDetails open(long taskId, SummitUser user, Locale locale) {
        HumanTask task = visibleTask(taskId, user);
        String schema = task.formKey() == null ? null
                : engine.form(task.formKey()).map(DeployedForm::schemaJson).map(s -> localizer.localize(s, locale)).orElse(null);
        List<TaskContextProvider.ContextItem> context = new ArrayList<>();
        contextProviders.forEach(p -> context.addAll(p.contextFor(task, locale)));
        // the browser gets what the form can show, not the instance's whole variable snapshot
        Map<String, Object> variables = variables(task);
        Map<String, Object> data = new LinkedHashMap<>(variables);
        data.putAll(formData(task, variables, locale));
        java.util.Optional<String> draft = user.username().equals(task.assignee()) && task.isOpen() ? tasks.draft(taskId) : java.util.Optional.empty();
        if (draft.isPresent()) {
            try {
                data.putAll(json.readValue(draft.get(), new TypeReference<LinkedHashMap<String, Object>>() {}));
            } catch (JsonProcessingException e) {
                log.warn("Ignoring an unreadable draft of task {}", taskId);
            }
        }
        String shown = schema == null ? "{}" : write(FormVariables.shown(data, FormVariables.referenced(json, schema)));
        // a form deployed to the engine past Summit (another modeler): its fields are unknown, so nothing may be submitted
        boolean formUnknown = task.formKey() != null && schema == null;
        return new TaskDetails(task, name(task, variables, locale), schema, shown, context, draft.isPresent(), localizer.viewerStrings(locale),
                formUnknown);
    }

    /**
     * Completes a task with the submitted form values. Only the assignee completes; the values are checked against the
     * form's schema. The engine is never asked inside a database transaction: the submission is first taken and
     * committed (SUBMITTING, with its values; of two people submitting at once exactly one gets this far), then the job
     * is completed, then the task is marked completed. If the engine refuses, the task is open again and what was
     * submitted is kept as the draft. If its answer is lost, the liveness sweep completes the job again with the same
     * values ({@link #settleSubmissions}), and the task is completed once either way.
     */
    public TaskOutcome complete(long taskId, SummitUser user, String submittedJson, Locale locale) {
        HumanTask task = tasks.findById(taskId).orElseThrow(() -> new UserFacingException("task.error.notFound"));
        if (!task.isOpen()) {
            throw maySee(task, user) ? refusals.alreadyDone(task) : new UserFacingException("task.error.notFound");
        }
        if (!user.username().equals(task.assignee())) {
            throw new UserFacingException(maySee(task, user) ? "task.error.notAssignee" : "task.error.notFound");
        }
        DeployedForm form = task.formKey() == null ? null : engine.form(task.formKey()).orElse(null);
        if (task.formKey() != null && form == null) {
            // the values could not be checked, and the engine would get none of them: refused, not dropped
            throw new UserFacingException("task.error.unknownForm");
        }
        Map<String, Object> values;
        if (form != null) {
            Map<String, Object> variables = variables(task);
            Map<String, Object> known = new LinkedHashMap<>(variables);
            known.putAll(formData(task, variables, locale));
            FormValidator.Result result = validator.validate(form.schemaJson(), submittedJson, known, locale);
            if (!result.valid()) {
                throw new ValidationException(result.errors());
            }
            values = result.values();
        } else {
            values = Map.of();
        }
        for (TaskSubmissionCheck check : submissionChecks) {
            if (check.appliesTo(task)) {
                check.check(task, user, values, variables(task));
            }
        }
        String valuesJson = write(values);
        Integer taken = transactions.execute(tx -> tasks.markSubmitting(taskId, user.username(), valuesJson));
        if (taken == null || taken == 0) {
            throw refusals.alreadyDone(tasks.findById(taskId).orElse(task));
        }
        TaskEngine.Completion completion;
        try {
            completion = taskEngine.complete(task.jobKey(), engineVariables(values, user.username()));
        } catch (UserFacingException refused) {
            transactions.executeWithoutResult(tx -> tasks.reopenSubmission(taskId));
            throw new UserFacingException(refused, "task.error.engineRefusedDraftKept");
        }
        try {
            return settle(task, completion, false);
        } catch (org.springframework.dao.DataAccessException databaseDown) {
            // the engine has the submission; the sweep records it once the database answers
            log.warn("Task {} was completed in the engine but could not be recorded yet: {}", taskId, databaseDown.getMessage());
            return TaskOutcome.SUBMITTED;
        }
    }

    /**
     * Submissions whose engine answer was lost: the job is completed again with the same values. A job already
     * completed is gone (NOT_FOUND): the submission went through. Returns how many were settled.
     */
    public int settleSubmissions(String epoch) {
        int settled = 0;
        for (HumanTask task : tasks.findUnsettledSubmissions(epoch, SETTLE_AFTER, 100)) {
            Optional<String> submitted = tasks.submitted(task.id());
            if (submitted.isEmpty()) {
                continue;
            }
            Map<String, Object> values = read(submitted.get());
            TaskEngine.Completion completion;
            try {
                completion = taskEngine.complete(task.jobKey(), engineVariables(values, submittedBy(task)));
            } catch (UserFacingException stillDown) {
                return settled;
            }
            if (completion != TaskEngine.Completion.UNCERTAIN) {
                settle(task, completion, true);
                settled++;
            }
        }
        return settled;
    }

    private static final java.time.Duration SETTLE_AFTER = java.time.Duration.ofSeconds(15);

    /**
     * Records what the engine answered. On a first attempt, GONE means the process had moved on without the step; on
     * a retry it means an earlier attempt completed it.
     */
    private TaskOutcome settle(HumanTask task, TaskEngine.Completion completion, boolean retry) {
        return switch (completion) {
            case UNCERTAIN -> TaskOutcome.SUBMITTED;
            case COMPLETED -> {
                finish(task);
                yield TaskOutcome.COMPLETED;
            }
            case GONE -> {
                if (retry) {
                    finish(task);
                    yield TaskOutcome.COMPLETED;
                }
                transactions.executeWithoutResult(tx -> tasks.markCanceled(task.id(), "JOB_GONE"));
                yield TaskOutcome.GONE;
            }
        };
    }

    private void finish(HumanTask task) {
        transactions.executeWithoutResult(tx -> {
            String by = submittedBy(task);
            if (tasks.finishSubmission(task.id()) > 0) {
                tasks.addEvent(task, TaskEvent.Type.COMPLETED, by, null);
            }
        });
    }

    private String submittedBy(HumanTask task) {
        return tasks.submittedBy(task.id()).orElse(task.assignee());
    }

    private static Map<String, Object> engineVariables(Map<String, Object> values, String username) {
        Map<String, Object> variables = new LinkedHashMap<>(values);
        variables.put("completedBy", username);
        return variables;
    }

    private Map<String, Object> read(String valuesJson) {
        try {
            return json.readValue(valuesJson, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** What happened in the task's process instance so far, for anyone who may see the task. */
    public List<TaskEvent> history(long taskId, SummitUser user) {
        HumanTask task = visibleTask(taskId, user);
        return tasks.historyOfInstance(task);
    }

    /** The BPMN of the version the task's instance runs, for the diagram beside the form. */
    public java.util.Optional<String> diagram(long taskId, SummitUser user) {
        HumanTask task = visibleTask(taskId, user);
        return models.xml(task.processDefinitionKey());
    }

    /**
     * Keeps half-filled values for the assignee, without checking them: a draft may be incomplete.
     * Only keys of the form's own fields are kept.
     */
    @Transactional
    public void saveDraft(long taskId, SummitUser user, String valuesJson) {
        HumanTask task = refusals.openTask(taskId);
        if (!user.username().equals(task.assignee())) {
            throw new UserFacingException(maySee(task, user) ? "task.error.notAssignee" : "task.error.notFound");
        }
        Map<String, Object> values;
        try {
            values = json.readValue(valuesJson == null ? "{}" : valuesJson, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new UserFacingException("form.error.unreadable");
        }
        java.util.Set<String> keys = task.formKey() == null ? java.util.Set.of()
                : engine.form(task.formKey()).map(f -> validator.fieldKeys(f.schemaJson())).orElse(java.util.Set.of());
        values.keySet().retainAll(keys);
        if (tasks.saveDraft(taskId, user.username(), write(values)) == 0) {
            throw new UserFacingException("task.error.noLongerOpen");
        }
    }

    /** The engine ended the task's step without a person; it leaves the inbox. */
    @Transactional
    public boolean endedByProcess(HumanTask task, String reason) {
        if (tasks.cancelIfOpen(task.id(), reason) == 0) {
            return false;
        }
        tasks.addEvent(task, TaskEvent.Type.CANCELED, null, null);
        return true;
    }

    public List<HumanTask> openTasksToCheck(String epoch, int limit) {
        return tasks.findOpenToCheck(epoch, limit);
    }

    public void confirmAlive(List<Long> taskIds) {
        tasks.markChecked(taskIds);
    }

    public Map<String, String> displayNames() {
        return users.displayNames();
    }

    /** Who may see a task: {@link TaskAccess#maySee}. Nobody else may open it or read its data. */
    /** Whether the task page may link to the task's deal for this user. */
    public boolean maySeeDeal(HumanTask task, SummitUser user) {
        return access.maySeeDeal(task, user);
    }

    public boolean maySee(HumanTask task, SummitUser user) {
        return access.maySee(task, user);
    }

    /** Whether the user may hand this task to someone else (the task page's "assign"). */
    public boolean mayAssign(HumanTask task, SummitUser user) {
        return access.mayAssign(task, user);
    }

    /** Whether the user is offered the task and may take it. */
    public boolean mayClaim(HumanTask task, SummitUser user) {
        return access.mayClaim(task, user);
    }

    public static boolean isManager(SummitUser user) {
        return TaskAccess.isManager(user);
    }

    /** A task the user may see; to anyone else it does not exist. */
    /** The task, to anyone who may work on it, claim it or see its deal; "not found" to anyone else. */
    public HumanTask visibleTask(long taskId, SummitUser user) {
        HumanTask task = tasks.findById(taskId).orElseThrow(() -> new UserFacingException("task.error.notFound"));
        if (!maySee(task, user)) {
            throw new UserFacingException("task.error.notFound");
        }
        return task;
    }

    private Map<String, Object> formData(HumanTask task, Map<String, Object> variables, Locale locale) {
        Map<String, Object> variablesView = java.util.Collections.unmodifiableMap(variables);
        Map<String, Object> data = new LinkedHashMap<>();
        contextProviders.forEach(p -> data.putAll(p.formData(task, variablesView, locale)));
        return data;
    }

    private Map<String, Object> variables(HumanTask task) {
        try {
            return json.readValue(task.variablesJson(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private String write(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
