package com.summit.opportunity.service;

import com.summit.base.UserFacingException;
import com.summit.engine.ProcessEngine;
import com.summit.opportunity.domain.Ladder;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityStatus;
import com.summit.opportunity.domain.ScoreChange;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.ScorecardRepository;
import com.summit.opportunity.domain.VetoHolder;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.search.service.SearchOutbox;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key-account scorecard of an opportunity (METHODOLOGY §3). A level changes only with evidence, and every
 * change is kept. A claim high enough on a ladder that says so (by default need, power and value from 4) is
 * verified by the owner's manager in the lifecycle process; a rejected claim falls back, with the reason kept.
 */
@Service
public class ScorecardService {

    public static final int EVIDENCE_MAX = 2000;
    public static final int REASON_MAX = 1000;
    public static final int FILE_MAX_BYTES = 10 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ScorecardService.class);

    private final ScorecardRepository scores;
    private final OpportunityService opportunityService;
    private final UserService users;
    private final ProcessEngine engine;
    private final SearchOutbox outbox;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final FollowUpEvidence followUps;

    ScorecardService(ScorecardRepository scores, OpportunityService opportunityService,
            UserService users, ProcessEngine engine, SearchOutbox outbox,
            org.springframework.transaction.support.TransactionTemplate transactions, FollowUpEvidence followUps) {
        this.transactions = transactions;
        this.followUps = followUps;
        this.scores = scores;
        this.opportunityService = opportunityService;
        this.users = users;
        this.engine = engine;
        this.outbox = outbox;
    }

    /** Evidence for a level change: a note always; a link, a file or a follow-up record as its kind says. */
    public record Evidence(ScoreChange.EvidenceKind kind, String text, String link, String fileName, String fileType, byte[] file, Long followUpId) {

        public Evidence(ScoreChange.EvidenceKind kind, String text, String link, String fileName, String fileType, byte[] file) {
            this(kind, text, link, fileName, fileType, file, null);
        }

        public static Evidence note(String text) {
            return new Evidence(ScoreChange.EvidenceKind.NOTE, text, null, null, null, null);
        }

        public static Evidence link(String text, String link) {
            return new Evidence(ScoreChange.EvidenceKind.LINK, text, link, null, null, null);
        }

        /** A done follow-up of the deal proves the claim ("met the decision maker" supports power 3). */
        public static Evidence followUp(String text, long followUpId) {
            return new Evidence(ScoreChange.EvidenceKind.FOLLOW_UP, text, null, null, null, null, followUpId);
        }
    }

    /** One ladder on one opportunity: where the climb stands, what the next checkpoint is, and a claim awaiting its verdict. */
    public record Line(Ladder ladder, int level, String current, String next, Optional<ScoreChange> pending) {}

    public record Scorecard(long opportunityId, List<Line> lines, List<VetoHolder> vetoHolders) {

        public int level(ScoreElement element) {
            return lines.stream().filter(l -> l.ladder().element() == element).findFirst().map(Line::level).orElse(0);
        }
    }

    public List<Ladder> ladders() {
        return scores.ladders();
    }

    public Scorecard scorecard(long opportunityId, SummitUser user, Locale locale) {
        Opportunity opportunity = visible(opportunityId, user);
        return scorecard(opportunity.id(), locale);
    }

    private Scorecard scorecard(long opportunityId, Locale locale) {
        Map<ScoreElement, Integer> levels = scores.levels(opportunityId);
        List<Line> lines = scores.ladders().stream().map(ladder -> {
            int level = levels.get(ladder.element());
            String next = level >= ScoreElement.MAX_LEVEL ? null : ladder.checkpoint(level + 1, locale);
            return new Line(ladder, level, ladder.checkpoint(level, locale), next, scores.pending(opportunityId, ladder.element()));
        }).toList();
        return new Scorecard(opportunityId, lines, scores.vetoHolders(opportunityId));
    }

    public static final int CHECKPOINT_MAX = 300;

    /**
     * The process owner rewords a checkpoint of a ladder (both languages) and chooses from which level claims on
     * the element are verified by the manager (null: never). What the levels mean changes; the levels do not.
     */
    @Transactional
    public void editLadder(ScoreElement element, int level, String labelZh, String labelEn, Integer verifyFromLevel, SummitUser user) {
        if (!(user.has(com.summit.security.domain.Role.PROCESS_OWNER) || user.has(com.summit.security.domain.Role.ADMIN))) {
            throw new UserFacingException("ladder.error.forbidden");
        }
        String zh = labelZh == null ? "" : labelZh.strip();
        String en = labelEn == null ? "" : labelEn.strip();
        if (zh.isEmpty() || en.isEmpty()) {
            throw new UserFacingException("ladder.error.labelRequired");
        }
        if (zh.length() > CHECKPOINT_MAX || en.length() > CHECKPOINT_MAX) {
            throw new UserFacingException("ladder.error.labelTooLong", CHECKPOINT_MAX);
        }
        if (level < 0 || level > ScoreElement.MAX_LEVEL || (verifyFromLevel != null && (verifyFromLevel < 1 || verifyFromLevel > ScoreElement.MAX_LEVEL))) {
            throw new UserFacingException("score.error.levelRange");
        }
        scores.updateCheckpoint(element, level, zh, en);
        scores.updateVerifyFrom(element, verifyFromLevel);
        log.info("{} edited ladder {} level {}", user.username(), element, level);
    }

    /** The current levels (a claim awaiting its verdict counts as claimed). */
    public Map<ScoreElement, Integer> levels(long opportunityId) {
        return scores.levels(opportunityId);
    }

    /** The levels the gates read: a claim awaiting the manager's verdict counts as the level it started from. */
    public Map<ScoreElement, Integer> verifiedLevels(long opportunityId) {
        Map<ScoreElement, Integer> levels = scores.levels(opportunityId);
        for (ScoreElement element : ScoreElement.values()) {
            scores.pending(opportunityId, element).ifPresent(p -> levels.put(element, p.fromLevel()));
        }
        return levels;
    }

    /** {@link #verifiedLevels(long)} of many opportunities at once (the caller has checked visibility). */
    public Map<Long, Map<ScoreElement, Integer>> verifiedLevels(java.util.Collection<Long> opportunityIds) {
        return scores.verifiedLevels(opportunityIds);
    }

    /** A claim on the element waiting for the manager's verdict, if any. */
    public Optional<ScoreChange> pendingClaim(long opportunityId, ScoreElement element) {
        return scores.pending(opportunityId, element);
    }

    /** Who verifies the deal's claims: the owner's manager, by name. */
    public String verifierName(long opportunityId) {
        return opportunityService.find(opportunityId).map(o -> users.managerFor(o.ownerUsername()))
                .flatMap(users::find).map(SummitUser::displayName).orElse("—");
    }

    /** Every change of an opportunity's scorecard, oldest first (the caller has checked visibility). */
    List<ScoreChange> changesOf(long opportunityId) {
        return scores.changes(opportunityId);
    }

    /** The deal's done follow-ups a claim can rest on, for the claim's dialog. */
    public List<FollowUpEvidence.Done> followUpEvidence(long opportunityId, SummitUser user, Locale locale) {
        visible(opportunityId, user);
        return followUps.doneOf(opportunityId, locale);
    }

    public List<ScoreChange> history(long opportunityId, SummitUser user) {
        visible(opportunityId, user);
        return scores.changes(opportunityId);
    }

    /**
     * Moves one element to a new level with its evidence. Refused, with nothing changed: without evidence, out of
     * range, to the level it already has, while a claim on the same element awaits its verdict, on a closed deal.
     */
    public ScoreChange changeLevel(long opportunityId, ScoreElement element, int toLevel, Evidence evidence, SummitUser user) {
        ScoreChange change = java.util.Objects.requireNonNull(transactions.execute(status -> record(opportunityId, element, toLevel, evidence, user)));
        if (change.status() == ScoreChange.Status.PENDING) {
            // after the commit: the engine is never asked inside a transaction
            startVerification(change);
        }
        return scores.change(change.id()).orElseThrow();
    }

    /**
     * Whether a claim could be made now, without making it: the same refusals as {@link #changeLevel}, except the
     * evidence (a follow-up checks its claim before it is stored, and proves it once stored).
     */
    public void checkClaim(long opportunityId, ScoreElement element, int toLevel, SummitUser user) {
        mayChange(opportunityId, user);
        checkLevel(opportunityId, element, toLevel);
    }

    private Ladder checkLevel(long opportunityId, ScoreElement element, int toLevel) {
        Ladder ladder = scores.ladders().stream().filter(l -> l.element() == element).findFirst().orElseThrow();
        int from = scores.levels(opportunityId).get(element);
        if (toLevel < 0 || toLevel > ScoreElement.MAX_LEVEL) {
            throw new UserFacingException("score.error.levelRange");
        }
        if (toLevel == from) {
            throw new UserFacingException("score.error.sameLevel", ladder.nameZh(), from);
        }
        if (scores.pending(opportunityId, element).isPresent()) {
            throw new UserFacingException("score.error.pending", ladder.nameZh());
        }
        return ladder;
    }

    private ScoreChange record(long opportunityId, ScoreElement element, int toLevel, Evidence evidence, SummitUser user) {
        mayChange(opportunityId, user);
        scores.lock(opportunityId);
        Ladder ladder = checkLevel(opportunityId, element, toLevel);
        int from = scores.levels(opportunityId).get(element);
        checkEvidence(opportunityId, evidence);
        boolean verify = ladder.needsVerification(from, toLevel);
        ScoreChange.Status status = verify ? ScoreChange.Status.PENDING : ScoreChange.Status.ACCEPTED;
        long changeId = scores.addChange(opportunityId, element, from, toLevel, evidence.kind(), evidence.text().strip(),
                blankToNull(evidence.link()), evidence.kind() == ScoreChange.EvidenceKind.FILE ? evidence.fileName() : null,
                evidence.kind() == ScoreChange.EvidenceKind.FILE ? evidence.fileType() : null,
                evidence.kind() == ScoreChange.EvidenceKind.FILE ? evidence.file() : null,
                evidence.kind() == ScoreChange.EvidenceKind.FOLLOW_UP ? evidence.followUpId() : null, user.username(), status);
        scores.setLevel(opportunityId, element, toLevel, user.username());
        outbox.changed(OpportunityService.ENTITY_TYPE, opportunityId);
        log.info("{} moved {} of opportunity {} from {} to {} ({})", user.username(), element, opportunityId, from, toLevel, status);
        return scores.change(changeId).orElseThrow();
    }

    /**
     * The manager's verdict on a claim (called by the lifecycle's verification step). Rejected: the level falls
     * back to where it was, unless it has moved on since; the reason is kept. A verdict given before is not given again.
     */
    @Transactional
    public ScoreChange decide(long changeId, boolean confirmed, String reason, String manager) {
        ScoreChange change = scores.change(changeId).orElseThrow(() -> new UserFacingException("score.error.changeNotFound", changeId));
        if (change.status() != ScoreChange.Status.PENDING) {
            return change;
        }
        String why = reason == null ? null : reason.strip();
        if (!confirmed && (why == null || why.isEmpty())) {
            throw new UserFacingException("score.error.reasonRequired");
        }
        scores.lock(change.opportunityId());
        scores.decide(changeId, confirmed ? ScoreChange.Status.ACCEPTED : ScoreChange.Status.REJECTED, manager,
                why == null || why.isEmpty() ? null : truncate(why, REASON_MAX));
        if (!confirmed && scores.levels(change.opportunityId()).get(change.element()) == change.toLevel()) {
            scores.setLevel(change.opportunityId(), change.element(), change.fromLevel(), manager);
        }
        outbox.changed(OpportunityService.ENTITY_TYPE, change.opportunityId());
        log.info("{} {} the claim {} → {} on {} of opportunity {}", manager, confirmed ? "confirmed" : "rejected",
                change.fromLevel(), change.toLevel(), change.element(), change.opportunityId());
        return scores.change(changeId).orElseThrow();
    }

    /** Where a veto-holder department of the customer stands (unknown, contacted, concerns raised, agreed). */
    @Transactional
    public void setVetoHolder(long opportunityId, String department, VetoHolder.Status status, String note, SummitUser user) {
        mayChange(opportunityId, user);
        String name = department == null ? "" : department.strip();
        if (name.isEmpty() || name.length() > 40) {
            throw new UserFacingException("score.error.department");
        }
        scores.setVetoHolder(opportunityId, name, status, blankToNull(note), user.username());
        outbox.changed(OpportunityService.ENTITY_TYPE, opportunityId);
    }

    /**
     * A level reached elsewhere (import from another CRM, demo data): kept as an accepted change with its
     * evidence, without a verification.
     */
    @Transactional
    public void importLevel(long opportunityId, ScoreElement element, int level, String evidence, String by) {
        int from = scores.levels(opportunityId).get(element);
        if (level == from) {
            return;
        }
        scores.addChange(opportunityId, element, from, level, ScoreChange.EvidenceKind.NOTE, evidence, null, null, null, null, null, by,
                ScoreChange.Status.ACCEPTED);
        scores.setLevel(opportunityId, element, level, by);
        outbox.changed(OpportunityService.ENTITY_TYPE, opportunityId);
    }

    /** A veto holder's status as a process step found it (the cross-department approval writes its outcome here). */
    @Transactional
    public void recordVetoHolder(long opportunityId, String department, VetoHolder.Status status, String note, String by) {
        scores.setVetoHolder(opportunityId, department, status, note == null || note.isBlank() ? null : truncate(note.strip(), REASON_MAX), by);
        outbox.changed(OpportunityService.ENTITY_TYPE, opportunityId);
    }

    /** A claim by its id, for a task about it (the caller has checked the task's visibility). */
    Optional<ScoreChange> change(long changeId) {
        return scores.change(changeId);
    }

    /**
     * Starts the manager's verification of a pending claim, outside any transaction, and ties it to the claim. A second
     * instance for the same claim (a start asked twice) is cancelled; if the engine does not answer, the sweep starts
     * it later.
     */
    void startVerification(ScoreChange change) {
        com.summit.engine.ProcessEngine.requireNoTransaction("starting the verification of claim " + change.id());
        Opportunity opportunity = opportunityService.find(change.opportunityId()).orElseThrow();
        Ladder ladder = scores.ladders().stream().filter(l -> l.element() == change.element()).findFirst().orElseThrow();
        String verifier = users.managerFor(opportunity.ownerUsername());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(LifecycleProcess.VAR_VERIFICATION_CHANGE_ID, change.id());
        // codes: the task page renders the element and the claim in the reader's language (verificationTexts)
        variables.put("scoreElement", change.element().name());
        variables.put("previousLevel", change.fromLevel());
        variables.put("claimedLevel", change.toLevel());
        variables.put("verificationEvidence", change.evidenceText());
        variables.put("verifier", verifier);
        variables.put(LifecycleProcess.VAR_OPPORTUNITY_ID, opportunity.id());
        variables.put(LifecycleProcess.VAR_OWNER, opportunity.ownerUsername());
        variables.put(LifecycleProcess.VAR_CUSTOMER_NAME, opportunity.customerName());
        variables.put(LifecycleProcess.VAR_OPPORTUNITY_NAME, opportunity.name());
        long instance;
        try {
            instance = engine.start(LifecycleProcess.VERIFICATION_PROCESS_ID, variables);
        } catch (com.summit.engine.EngineUnavailableException e) {
            log.warn("The verification of claim {} did not start: the reconciliation sweep starts it when the engine answers", change.id());
            return;
        }
        if (!scores.claimVerification(change.id(), instance, engine.epoch())) {
            log.warn("Claim {} is already being verified: cancelling the new instance {}", change.id(), instance);
            opportunityService.cancelQuietly(instance);
        }
    }

    /**
     * After the start-up deployment: a claim still waiting for its verdict whose verification ran on an earlier
     * engine (the embedded engine forgets its instances) is put before the manager again.
     */
    @org.springframework.context.event.EventListener
    @org.springframework.core.annotation.Order(15)
    public void onProcessesDeployed(com.summit.engine.ProcessesDeployed deployed) {
        int restarted = restartVerifications(java.time.Duration.ZERO);
        if (restarted > 0) {
            log.info("{} scorecard claims wait for their verdict again", restarted);
        }
    }

    /** Starts the verification of every pending claim, older than {@code olderThan}, that has none on this engine. */
    int restartVerifications(java.time.Duration olderThan) {
        List<ScoreChange> pending = scores.pendingWithoutVerification(engine.epoch(), olderThan);
        pending.forEach(this::startVerification);
        return pending.size();
    }

    private void checkEvidence(long opportunityId, Evidence evidence) {
        if (evidence == null || evidence.kind() == null || evidence.text() == null || evidence.text().isBlank()) {
            throw new UserFacingException("score.error.evidenceRequired");
        }
        if (evidence.text().strip().codePointCount(0, evidence.text().strip().length()) > EVIDENCE_MAX) {
            throw new UserFacingException("score.error.evidenceTooLong", EVIDENCE_MAX);
        }
        switch (evidence.kind()) {
            case LINK -> {
                String link = evidence.link() == null ? "" : evidence.link().strip();
                if (!(link.startsWith("https://") || link.startsWith("http://")) || link.length() > 1000 || link.contains(" ")) {
                    throw new UserFacingException("score.error.linkInvalid");
                }
            }
            case FILE -> {
                if (evidence.file() == null || evidence.file().length == 0 || evidence.fileName() == null || evidence.fileName().isBlank()) {
                    throw new UserFacingException("score.error.fileRequired");
                }
                if (evidence.file().length > FILE_MAX_BYTES) {
                    throw new UserFacingException("score.error.fileTooLarge", FILE_MAX_BYTES / (1024 * 1024));
                }
            }
            case FOLLOW_UP -> {
                if (evidence.followUpId() == null || !followUps.isDoneOf(evidence.followUpId(), opportunityId)) {
                    throw new UserFacingException("score.error.followUpRequired");
                }
            }
            case NOTE -> { }
        }
    }

    private Opportunity visible(long opportunityId, SummitUser user) {
        return opportunityService.findVisible(opportunityId, user)
                .orElseThrow(() -> new UserFacingException("score.error.forbidden"));
    }

    private Opportunity mayChange(long opportunityId, SummitUser user) {
        Opportunity opportunity = visible(opportunityId, user);
        if (opportunity.status() != OpportunityStatus.OPEN) {
            throw new UserFacingException("score.error.closed");
        }
        return opportunity;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
