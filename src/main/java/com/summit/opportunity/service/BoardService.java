package com.summit.opportunity.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.base.UserFacingException;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.Industry;
import com.summit.opportunity.domain.GateResult;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.opportunity.domain.OpportunityStatus;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The board 看板: a column per stage with the deals the user may see; dragging a card to the next column asks the
 * lifecycle for an advance, as the owner's "request advance" does, and the gate decides. A card never moves by
 * itself: the stage changes only when the process records it.
 */
@Service
public class BoardService {

    private static final Duration WAIT_FOR_GATE = Duration.ofSeconds(20);

    private final OpportunityRepository opportunities;
    private final OpportunityService opportunityService;
    private final GateService gates;
    private final TaskService tasks;
    private final UserService users;
    private final ObjectMapper json;

    private final List<NextFollowUps> nextFollowUps;

    BoardService(OpportunityRepository opportunities, OpportunityService opportunityService, GateService gates, TaskService tasks,
            UserService users, ObjectMapper json, List<NextFollowUps> nextFollowUps) {
        this.nextFollowUps = nextFollowUps;
        this.opportunities = opportunities;
        this.opportunityService = opportunityService;
        this.gates = gates;
        this.tasks = tasks;
        this.users = users;
        this.json = json;
    }

    public record Filter(String owner, String team, CustomerTier tier, Industry industry) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** A card: customer, tier, amount, the five levels, days in stage (pauses not counted), stalled, open veto holders. */
    public record Card(long id, String name, String customerName, CustomerTier tier, BigDecimal amount, Stage stage, boolean paused,
            boolean stalled, long daysInStage, Map<ScoreElement, Integer> levels, int vetoesOpen, String owner, String ownerName,
            NextFollowUps.Next nextFollowUp) {

        public Card withNextFollowUp(NextFollowUps.Next next) {
            return new Card(id, name, customerName, tier, amount, stage, paused, stalled, daysInStage, levels, vetoesOpen, owner, ownerName, next);
        }
    }

    /** The cards shown per stage (largest first, at most {@link #CARDS_PER_COLUMN}), and each stage's full count and amount. */
    public record Board(Map<Stage, List<Card>> columns, Map<Stage, Long> counts, Map<Stage, BigDecimal> totals) {}

    public static final int CARDS_PER_COLUMN = 50;

    public Board board(SummitUser user, Filter filter) {
        Map<Stage, List<Card>> columns = new EnumMap<>(Stage.class);
        Map<Stage, BigDecimal> totals = new EnumMap<>(Stage.class);
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            columns.put(s, new java.util.ArrayList<>());
            totals.put(s, BigDecimal.ZERO);
            counts.put(s, 0L);
        }
        Instant now = Instant.now();
        for (var row : opportunities.board(user.username(), user.team(), user.has(Role.MANAGER), user.has(Role.ADMIN), filter.owner(),
                filter.team(), filter.tier() == null ? null : filter.tier().name(), filter.industry() == null ? null : filter.industry().name(),
                CARDS_PER_COLUMN)) {
            Map<ScoreElement, Integer> levels = new EnumMap<>(ScoreElement.class);
            levels.put(ScoreElement.NEED, row.need());
            levels.put(ScoreElement.POWER, row.power());
            levels.put(ScoreElement.GOALS, row.goals());
            levels.put(ScoreElement.VALUE, row.value());
            levels.put(ScoreElement.COLLABORATION, row.collaboration());
            long days = Duration.between(row.stageEnteredAt(), row.pausedAt() != null ? row.pausedAt() : now).toDays();
            columns.get(row.stage()).add(new Card(row.id(), row.name(), row.customerName(), CustomerTier.valueOf(row.tier()), row.amount(),
                    row.stage(), row.status() == OpportunityStatus.PAUSED, row.stalled(), days, levels, row.vetoesOpen(), row.ownerUsername(),
                    row.ownerName() == null ? row.ownerUsername() : row.ownerName(), null));
            totals.put(row.stage(), row.stageAmount());
            counts.put(row.stage(), row.stageCount());
        }
        // each card's next planned follow-up, in one query for the whole board
        List<Long> ids = columns.values().stream().flatMap(List::stream).map(Card::id).toList();
        Map<Long, NextFollowUps.Next> next = new java.util.HashMap<>();
        nextFollowUps.forEach(source -> next.putAll(source.nextFor(ids)));
        if (!next.isEmpty()) {
            columns.replaceAll((stage, cards) -> cards.stream().map(c -> c.withNextFollowUp(next.get(c.id()))).toList());
        }
        return new Board(columns, counts, totals);
    }

    /** The filters' choices: the owners (username → name) and their teams among the deals the user sees. */
    public record FilterOptions(Map<String, String> owners, List<String> teams) {}

    /** One short query for both lists: the users who own a deal the user sees (not the deals themselves). */
    public FilterOptions filterOptions(SummitUser user) {
        var rows = opportunities.boardOwners(user.username(), user.team(), user.has(Role.MANAGER), user.has(Role.ADMIN));
        Map<String, String> owners = new LinkedHashMap<>();
        rows.forEach(r -> owners.put(r.username(), r.displayName() == null ? r.username() : r.displayName()));
        List<String> teams = rows.stream().map(OpportunityRepository.BoardOwner::team).filter(t -> t != null && !t.isBlank()).distinct()
                .sorted().toList();
        return new FilterOptions(owners, teams);
    }

    public enum Outcome {
        ADVANCED,
        REFUSED,
        IN_REVIEW,
        /** The gate has not answered yet (a busy engine): its answer will show on the card and in the owner's task. */
        PENDING
    }

    /** What a drag led to: advanced, refused with the unmet conditions in words, or handed to a review or approval. */
    public record AdvanceResult(Outcome outcome, List<String> reasons) {}

    /**
     * A card dragged to the next column: the owner's working task of the stage is submitted with "request advance"
     * and the values it holds (its draft too); the form's rules apply as if the owner pressed submit. Then the gate
     * decides; this waits a few seconds for its answer.
     */
    public AdvanceResult requestAdvance(long opportunityId, Stage to, SummitUser user, Locale locale) {
        Instant submitted = submitAdvance(opportunityId, to, user, locale);
        return awaitGate(opportunityId, submittedStage(to), submitted, locale);
    }

    private static Stage submittedStage(Stage to) {
        return Stage.values()[to.number() - 2];
    }

    /**
     * The synchronous half of a drag: checks it and submits the owner's stage task with "request advance"; returns
     * when it was submitted. Refusals (not the next column, not the owner, the form's own rules) are thrown.
     */
    public Instant submitAdvance(long opportunityId, Stage to, SummitUser user, Locale locale) {
        Opportunity o = opportunityService.findVisible(opportunityId, user)
                .orElseThrow(() -> new UserFacingException("opportunity.error.notVisible"));
        if (o.status() != OpportunityStatus.OPEN) {
            throw new UserFacingException("opportunity.error.notOpen");
        }
        if (o.stage().next().filter(to::equals).isEmpty()) {
            throw new UserFacingException(to == o.stage() ? "board.error.sameStage" : "board.error.notNext",
                    o.stage().number() + 1);
        }
        String workTask = LifecycleProcess.WORK_TASKS.get(o.stage());
        List<HumanTask> open = tasks.openTasksOfOpportunity(opportunityId).stream()
                .filter(t -> LifecycleProcess.PROCESS_ID.equals(t.bpmnProcessId())).toList();
        Optional<HumanTask> task = open.stream().filter(t -> t.elementId().equals(workTask)).findFirst();
        if (task.isEmpty()) {
            throw new UserFacingException("board.error.noWorkTask");
        }
        if (!user.username().equals(task.get().assignee())) {
            throw new UserFacingException("board.error.ownerOnly", users.find(task.get().assignee()).map(SummitUser::displayName)
                    .orElse(String.valueOf(task.get().assignee())));
        }
        Map<String, Object> values = read(tasks.open(task.get().id(), user, locale).formDataJson());
        values.put(LifecycleProcess.VAR_REQUEST_ADVANCE, true);
        Instant submitted = Instant.now();
        tasks.complete(task.get().id(), user, write(values), locale);
        return submitted;
    }

    /**
     * The slow half: waits a few seconds for the gate's answer to a request made at {@code since} (run it off the
     * UI's thread). A review or approval that opened since then means the gate comes later.
     */
    public AdvanceResult awaitGate(long opportunityId, Stage stage, Instant since, Locale locale) {
        Instant deadline = Instant.now().plus(WAIT_FOR_GATE);
        while (Instant.now().isBefore(deadline)) {
            Optional<GateResult> latest = gates.latest(opportunityId).filter(g -> g.stage() == stage && !g.at().isBefore(since));
            if (latest.isPresent()) {
                return latest.get().passed() ? new AdvanceResult(Outcome.ADVANCED, List.of())
                        : new AdvanceResult(Outcome.REFUSED, gates.describe(latest.get(), locale));
            }
            boolean inReview = tasks.openTasksOfOpportunity(opportunityId).stream()
                    .filter(t -> !t.createdAt().isBefore(since))
                    .anyMatch(t -> "Task_SolutionReview".equals(t.elementId()) || "veto-approval".equals(t.bpmnProcessId()));
            if (inReview) {
                return new AdvanceResult(Outcome.IN_REVIEW, List.of());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new AdvanceResult(Outcome.PENDING, List.of());
    }

    private Map<String, Object> read(String data) {
        try {
            Map<String, Object> values = json.readValue(data, new TypeReference<LinkedHashMap<String, Object>>() {});
            return values == null ? new LinkedHashMap<>() : values;
        } catch (JsonProcessingException e) {
            return new LinkedHashMap<>();
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
