package com.summit.opportunity.service;

import com.summit.opportunity.domain.GateResult;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Messages;
import com.summit.customer.service.CustomerService;
import com.summit.engine.ProcessModels;
import com.summit.opportunity.domain.Ladder;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.opportunity.domain.OpportunityStatus;
import com.summit.opportunity.domain.ScoreChange;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Puts an opportunity's page together: header, scorecard, timeline and the live process diagram. */
@Service
public class OpportunityPageService {

    private final OpportunityService opportunities;
    private final OpportunityRepository repository;
    private final ScorecardService scorecards;
    private final CustomerService customers;
    private final UserService users;
    private final TaskService tasks;
    private final ProcessModels models;
    private final Messages messages;
    private final List<TimelineSource> timelineSources;
    private final GateService gates;

    private final FollowUpEvidence followUps;

    OpportunityPageService(OpportunityService opportunities, OpportunityRepository repository, ScorecardService scorecards,
            CustomerService customers, UserService users, TaskService tasks, ProcessModels models, Messages messages,
            List<TimelineSource> timelineSources, GateService gates, FollowUpEvidence followUps) {
        this.gates = gates;
        this.followUps = followUps;
        this.timelineSources = timelineSources;
        this.opportunities = opportunities;
        this.repository = repository;
        this.scorecards = scorecards;
        this.customers = customers;
        this.users = users;
        this.tasks = tasks;
        this.models = models;
        this.messages = messages;
    }

    public OpportunityPage page(long id, SummitUser user, Locale locale) {
        Opportunity o = opportunities.findVisible(id, user).orElseThrow(() -> new UserFacingException("opportunity.error.notVisible"));
        var customer = customers.find(o.customerId());
        var owner = users.find(o.ownerUsername());
        long days = Duration.between(o.stageEnteredAt(), Instant.now()).toDays();
        return new OpportunityPage(o, customer.map(c -> c.tier()).orElse(null), owner.map(SummitUser::displayName).orElse(o.ownerUsername()),
                owner.map(SummitUser::team).orElse(null), days, scorecards.scorecard(id, user, locale), timeline(o, locale), diagram(o),
                o.status() == OpportunityStatus.OPEN, opportunities.members(id, user), users.displayNames(), openTasks(o, user, locale));
    }

    private List<OpportunityPage.Entry> timeline(Opportunity o, Locale locale) {
        Map<String, String> names = users.displayNames();
        Map<com.summit.opportunity.domain.ScoreElement, Ladder> ladders = new java.util.EnumMap<>(com.summit.opportunity.domain.ScoreElement.class);
        scorecards.ladders().forEach(l -> ladders.put(l.element(), l));
        List<OpportunityPage.Entry> entries = new ArrayList<>();
        entries.add(new OpportunityPage.Entry(o.createdAt(), OpportunityPage.Kind.CREATED,
                t(locale, "timeline.created", name(names, o.ownerUsername()))));
        for (var record : repository.stageRecords(o.id())) {
            entries.add(new OpportunityPage.Entry(record.recordedAt(), OpportunityPage.Kind.STAGE, t(locale, "timeline.stage",
                    record.stage().number(), t(locale, record.stage().messageKey()), name(names, record.recordedBy()))));
        }
        for (ScoreChange c : scorecards.changesOf(o.id())) {
            String element = ladders.get(c.element()).name(locale);
            entries.add(new OpportunityPage.Entry(c.changedAt(), OpportunityPage.Kind.SCORE, t(locale, "timeline.score", element,
                    c.fromLevel(), c.toLevel(), name(names, c.changedBy()), evidence(c, locale), t(locale, "score.status." + c.status().name()))));
            if (c.verifiedAt() != null) {
                entries.add(new OpportunityPage.Entry(c.verifiedAt(), OpportunityPage.Kind.VERDICT, t(locale, "timeline.verdict." + c.status().name(),
                        name(names, c.verifiedBy()), element, c.toLevel(), c.verdictReason() == null ? "" : c.verdictReason())));
            }
        }
        for (GateResult gate : gates.all(o.id())) {
            entries.add(new OpportunityPage.Entry(gate.at(), OpportunityPage.Kind.GATE, gate.passed()
                    ? t(locale, "timeline.gate.passed", gate.stage().number())
                    : t(locale, "timeline.gate.refused", gate.stage().number(), String.join(t(locale, "common.clauseSeparator"), gates.describe(o.id(), gate, locale)))));
        }
        List<com.summit.tasklist.domain.TaskEvent> events = tasks.eventsOfOpportunity(o.id());
        // a finished task is one line (who finished it); its "created" line is left out
        java.util.Set<Long> finished = events.stream().filter(e -> e.type() == com.summit.tasklist.domain.TaskEvent.Type.COMPLETED
                || e.type() == com.summit.tasklist.domain.TaskEvent.Type.CANCELED).map(com.summit.tasklist.domain.TaskEvent::taskId)
                .collect(java.util.stream.Collectors.toSet());
        for (var event : events) {
            if (event.type() == com.summit.tasklist.domain.TaskEvent.Type.CREATED && finished.contains(event.taskId())) {
                continue;
            }
            String who = event.actor() == null ? t(locale, "task.history.process") : name(names, event.actor());
            entries.add(new OpportunityPage.Entry(event.at(), OpportunityPage.Kind.TASK, tasks.eventTaskName(event, locale) + " · "
                    + t(locale, "task.event." + event.type().name(), who, event.target() == null ? "" : name(names, event.target()))));
        }
        for (var comment : tasks.commentsOfOpportunity(o.id())) {
            entries.add(new OpportunityPage.Entry(comment.getValue().at(), OpportunityPage.Kind.COMMENT, t(locale, "timeline.comment",
                    name(names, comment.getValue().author()), comment.getKey(), comment.getValue().body())));
        }
        for (TimelineSource source : timelineSources) {
            entries.addAll(source.entries(o.id(), locale));
        }
        entries.sort(Comparator.comparing(OpportunityPage.Entry::at).reversed());
        return entries;
    }

    /** The deal's open tasks, each with who holds it; the reader may open those the task list lets them see. */
    private List<OpportunityPage.OpenTask> openTasks(Opportunity o, SummitUser user, Locale locale) {
        Map<String, String> names = users.displayNames();
        return tasks.openTasksOfOpportunity(o.id()).stream()
                .sorted(Comparator.comparing(HumanTask::createdAt))
                .map(t -> new OpportunityPage.OpenTask(t.id(), tasks.displayName(t, locale), holder(t, names, locale), t.dueAt(),
                        tasks.maySee(t, user)))
                .toList();
    }

    private String holder(HumanTask t, Map<String, String> names, Locale locale) {
        if (t.assignee() != null) {
            return name(names, t.assignee());
        }
        List<String> groups = t.candidateGroups().stream()
                .map(g -> messages.find("role." + g.replace("_HEAD", ""), locale).map(r -> g.endsWith("_HEAD") ? t(locale, "task.group.head", r) : r).orElse(g)).toList();
        return groups.isEmpty() ? "—" : String.join(t(locale, "common.listSeparator"), groups);
    }

    private Optional<OpportunityPage.Diagram> diagram(Opportunity o) {
        List<HumanTask> open = tasks.openTasksOfOpportunity(o.id());
        Optional<String> xml = open.stream().filter(t -> t.bpmnProcessId().equals(LifecycleProcess.PROCESS_ID)).findFirst()
                .flatMap(t -> models.xml(t.processDefinitionKey()))
                .or(() -> models.latestXml(LifecycleProcess.PROCESS_ID));
        List<String> active = open.stream().filter(t -> t.bpmnProcessId().equals(LifecycleProcess.PROCESS_ID)).map(HumanTask::elementId).toList();
        if (active.isEmpty() && o.status() == OpportunityStatus.OPEN) {
            active = List.of(o.stage().elementId());
        }
        List<String> highlighted = active;
        return xml.map(x -> new OpportunityPage.Diagram(x, highlighted));
    }

    private static String name(Map<String, String> names, String username) {
        return username == null ? "—" : names.getOrDefault(username, username);
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getTranslation(key, locale, args);
    }

    /** A claim's evidence as the timeline says it; one proved by a follow-up names it (date, channel, subject). */
    private String evidence(ScoreChange c, Locale locale) {
        if (c.followUpId() == null) {
            return c.evidenceText();
        }
        return c.evidenceText() + t(locale, "common.clauseSeparator") + followUps.describe(c.followUpId(), locale);
    }
}
