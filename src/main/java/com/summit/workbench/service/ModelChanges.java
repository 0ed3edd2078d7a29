package com.summit.workbench.service;

import com.summit.base.UserFacingException;
import com.summit.engine.DeploymentRefusedException;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import com.summit.workbench.domain.AuditEntry;
import com.summit.workbench.domain.ChangeRequest;
import com.summit.workbench.domain.ChangeRequestRepository;
import com.summit.workbench.domain.ModelDraft;
import com.summit.workbench.domain.WorkbenchAuditRepository;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change to a model, from proposal to deployment: the author proposes their draft (or a previous version, a
 * roll-back) with a comment and a version tag, after Summit's checks; where the model asks for four eyes, another
 * process owner or an admin approves it in the inbox ({@link ChangeReviews}); then it is deployed, as one deployment.
 * Every step is in the audit trail.
 */
@Service
public class ModelChanges {

    private static final Logger log = LoggerFactory.getLogger(ModelChanges.class);
    /** The models that ask for a second person's approval when nobody changed the setting. */
    static final Set<String> FOUR_EYES_BY_DEFAULT = Set.of("opportunity-lifecycle.bpmn", "veto-approval.bpmn");

    private final ChangeRequestRepository requests;
    private final ModelStore models;
    private final ModelDrafts drafts;
    private final ModelChecks checks;
    private final WorkbenchAuditRepository audit;
    private final TransactionTemplate transactions;
    private final ChangeReviews reviews;
    private final com.summit.security.service.UserService users;

    ModelChanges(ChangeRequestRepository requests, ModelStore models, ModelDrafts drafts, ModelChecks checks, WorkbenchAuditRepository audit,
            TransactionTemplate transactions, ChangeReviews reviews, com.summit.security.service.UserService users) {
        this.users = users;
        this.requests = requests;
        this.models = models;
        this.drafts = drafts;
        this.checks = checks;
        this.audit = audit;
        this.transactions = transactions;
        this.reviews = reviews;
    }

    /** A deployment the checks or the engine refused: each problem, at its element where one is named. */
    public static class RefusedException extends UserFacingException {

        private final transient List<ModelChecks.Finding> findings;

        RefusedException(String messageKey, List<ModelChecks.Finding> findings, Object... arguments) {
            super(messageKey, arguments);
            this.findings = List.copyOf(findings);
        }

        public List<ModelChecks.Finding> findings() {
            return findings;
        }
    }

    /**
     * Proposes the user's draft of a file. Refused in words, with nothing changed: no draft, no comment, nothing
     * changed, a draft begun on a version that is no longer current, an open request on the file, a check's error,
     * a warning not acknowledged.
     */
    public ChangeRequest propose(String resourceName, String comment, String versionTag, boolean acknowledgeWarnings, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        ModelDraft draft = drafts.find(resourceName, user).orElseThrow(() -> new UserFacingException("workbench.draft.none", resourceName));
        Optional<ModelVersion> current = current(resourceName);
        if (current.isPresent() && !Long.valueOf(current.get().id()).equals(draft.baseVersionId())) {
            throw new UserFacingException("workbench.propose.stale", current.get().version(), name(current.get().deployedBy()));
        }
        return request(resourceName, draft.content(), ChangeRequest.Kind.CHANGE, comment, versionTag, acknowledgeWarnings, user, draft);
    }

    /** Proposes a previous version's content again, as the file's next version, through the same checks. */
    public ChangeRequest rollBack(long versionId, String comment, String versionTag, boolean acknowledgeWarnings, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        ModelVersion old = models.version(versionId).filter(v -> v.state() == ModelVersion.State.DEPLOYED)
                .orElseThrow(() -> new UserFacingException("workbench.error.noSuchVersion"));
        return request(old.resourceName(), old.content(), ChangeRequest.Kind.ROLLBACK, comment, versionTag, acknowledgeWarnings, user, null);
    }

    private ChangeRequest request(String resourceName, String draftContent, ChangeRequest.Kind kind, String comment, String versionTag,
            boolean acknowledgeWarnings, SummitUser user, ModelDraft draft) {
        if (comment == null || comment.isBlank()) {
            throw new UserFacingException("workbench.propose.commentRequired");
        }
        if (comment.length() > 2000 || (versionTag != null && versionTag.length() > 100)) {
            throw new UserFacingException("workbench.propose.tooLong");
        }
        requests.open(resourceName).ifPresent(open -> {
            throw new UserFacingException("workbench.propose.openRequest", open.id(), name(open.requestedBy()));
        });
        Optional<ModelVersion> current = current(resourceName);
        ModelVersion.Kind modelKind = current.map(ModelVersion::kind).orElseGet(() -> kindOf(resourceName));
        String tag = versionTag == null || versionTag.isBlank() ? "v" + models.nextNumber(resourceName) : versionTag.strip();
        String content = VersionTags.apply(modelKind, draftContent, tag);
        if (current.isPresent() && (current.get().content().equals(draftContent)
                || VersionTags.apply(modelKind, current.get().content(), tag).equals(content))) {
            throw new UserFacingException("workbench.propose.noChange");
        }
        List<ModelChecks.Finding> findings = checks.check(resourceName, content);
        List<ModelChecks.Finding> errors = findings.stream().filter(f -> f.severity() == ModelChecks.Severity.ERROR).toList();
        audit.add(user.username(), AuditEntry.Action.CHECKED, resourceName, null, null, summary(findings));
        if (!errors.isEmpty()) {
            throw new RefusedException("workbench.propose.errors", findings, errors.size());
        }
        if (findings.size() > errors.size() && !acknowledgeWarnings) {
            throw new RefusedException("workbench.propose.warnings", findings, findings.size());
        }
        boolean fourEyes = fourEyes(resourceName);
        ChangeRequest request = transactions.execute(status -> {
            ModelVersion proposal = models.propose(resourceName, content,
                    kind == ChangeRequest.Kind.ROLLBACK ? ModelVersion.Origin.ROLLBACK : ModelVersion.Origin.WORKBENCH, comment.strip(), tag,
                    user.username());
            ChangeRequest r = requests.insert(new ChangeRequestRepository.NewRequest(resourceName, proposal.id(),
                            current.map(ModelVersion::id).orElse(null), kind, user.username(), comment.strip(), tag, fourEyes,
                            acknowledgeWarnings && !findings.isEmpty()))
                    .orElseThrow(() -> new UserFacingException("workbench.propose.openRequest", "", ""));
            audit.add(user.username(), kind == ChangeRequest.Kind.ROLLBACK ? AuditEntry.Action.ROLLBACK_PROPOSED : AuditEntry.Action.PROPOSED,
                    resourceName, proposal.id(), r.id(), (fourEyes ? "four eyes; " : "") + "tag " + tag + "; " + comment.strip());
            if (draft != null) {
                drafts.proposed(draft);
            }
            return r;
        });
        if (request.fourEyes()) {
            reviews.start(request);
        }
        return request;
    }

    /**
     * The reviewer's decision, recorded by the review's worker; the same decision recorded before is the same answer.
     * The author's own decision never counts (the task refused it before; here it fails the job, for an admin to see).
     */
    public void recordDecision(long requestId, boolean approved, String by, String note) {
        ChangeRequest request = requests.find(requestId).orElseThrow(() -> new IllegalStateException("no model change request " + requestId));
        if (by == null || by.equals(request.requestedBy())) {
            throw new IllegalStateException("request " + requestId + " was decided by its own author " + by);
        }
        transactions.executeWithoutResult(status -> {
            if (requests.decide(requestId, approved, by, note)) {
                audit.add(by, approved ? AuditEntry.Action.APPROVED : AuditEntry.Action.REJECTED, request.resourceName(), request.proposalId(),
                        requestId, note);
                if (!approved) {
                    models.reject(request.proposalId());
                }
            }
        });
    }

    /**
     * Whether the user may decide the request as submitted (the review task's submission check): a process owner or
     * admin who is not its author, on a request that waits, with a reason for a rejection.
     */
    public void checkDecision(long requestId, SummitUser user, String decision, String note) {
        WorkbenchAccess.requireOwner(user);
        ChangeRequest request = requests.find(requestId).orElseThrow(() -> new UserFacingException("workbench.error.noSuchRequest"));
        if (request.requestedBy().equals(user.username())) {
            throw new UserFacingException("workbench.review.ownRequest");
        }
        if (request.state() != ChangeRequest.State.REQUESTED) {
            throw new UserFacingException("workbench.review.notWaiting");
        }
        if ("REJECT".equals(decision) && (note == null || note.isBlank())) {
            throw new UserFacingException("workbench.review.reasonRequired");
        }
    }

    /**
     * Deploys an approved request, as one deployment. Checked again first (the app may have changed since); a model
     * whose current version moved on since the request is refused; the engine's refusal is kept on the request and in
     * the audit, shown by element, and nothing is recorded as deployed.
     */
    public ModelVersion deploy(long requestId, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        ChangeRequest request = requests.find(requestId).orElseThrow(() -> new UserFacingException("workbench.error.noSuchRequest"));
        if (request.state() == ChangeRequest.State.REQUESTED) {
            throw new UserFacingException("workbench.deploy.notApproved");
        }
        if (request.state() != ChangeRequest.State.APPROVED) {
            throw new UserFacingException("workbench.deploy.closed");
        }
        Optional<ModelVersion> current = current(request.resourceName());
        if (current.isPresent() && !Long.valueOf(current.get().id()).equals(request.baseVersionId())) {
            throw new UserFacingException("workbench.propose.stale", current.get().version(), name(current.get().deployedBy()));
        }
        ModelVersion proposal = models.version(request.proposalId()).orElseThrow();
        List<ModelChecks.Finding> findings = checks.check(request.resourceName(), proposal.content());
        List<ModelChecks.Finding> errors = findings.stream().filter(f -> f.severity() == ModelChecks.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            audit.add(user.username(), AuditEntry.Action.CHECKED, request.resourceName(), proposal.id(), requestId, summary(findings));
            throw new RefusedException("workbench.propose.errors", findings, errors.size());
        }
        ModelVersion deployed;
        try {
            deployed = models.deployProposal(proposal.id(), user.username());
        } catch (DeploymentRefusedException e) {
            List<ModelChecks.Finding> problems = EngineRefusal.parse(e.getMessage()).stream()
                    .map(p -> new ModelChecks.Finding(p.elementId(), ModelChecks.Severity.ERROR, "workbench.deploy.engineSaid", List.of(p.message())))
                    .toList();
            transactions.executeWithoutResult(status -> {
                requests.failed(requestId, e.getMessage());
                audit.add(user.username(), AuditEntry.Action.DEPLOY_REFUSED, request.resourceName(), proposal.id(), requestId, e.getMessage());
            });
            log.info("The engine refused request {} ({}): {}", requestId, request.resourceName(), e.getMessage());
            throw new RefusedException("workbench.deploy.refused", problems, problems.size());
        }
        transactions.executeWithoutResult(status -> {
            requests.deployed(requestId, deployed.id());
            audit.add(user.username(), AuditEntry.Action.DEPLOYED, request.resourceName(), deployed.id(), requestId,
                    "version " + deployed.version() + "; tag " + request.versionTag());
        });
        return deployed;
    }

    /** The author (or an admin) takes an open request back; its proposal is not deployed, its review ends. */
    public void withdraw(long requestId, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        ChangeRequest request = requests.find(requestId).orElseThrow(() -> new UserFacingException("workbench.error.noSuchRequest"));
        if (!request.requestedBy().equals(user.username()) && !user.has(com.summit.security.domain.Role.ADMIN)) {
            throw new UserFacingException("workbench.withdraw.notYours");
        }
        Boolean done = transactions.execute(status -> {
            if (!requests.withdraw(requestId)) {
                return false;
            }
            models.reject(request.proposalId());
            audit.add(user.username(), AuditEntry.Action.WITHDRAWN, request.resourceName(), request.proposalId(), requestId, null);
            return true;
        });
        if (!Boolean.TRUE.equals(done)) {
            throw new UserFacingException("workbench.deploy.closed");
        }
        reviews.end(requestId);
    }

    /** Whether the file's changes need a second person's approval. */
    public boolean fourEyes(String resourceName) {
        return requests.fourEyes(resourceName).orElse(FOUR_EYES_BY_DEFAULT.contains(resourceName));
    }

    /** Turns four eyes on or off for a file: an admin's decision, recorded. */
    public void setFourEyes(String resourceName, boolean on, SummitUser user) {
        WorkbenchAccess.requireAdmin(user);
        transactions.executeWithoutResult(status -> {
            requests.setFourEyes(resourceName, on, user.username());
            audit.add(user.username(), AuditEntry.Action.SETTING_CHANGED, resourceName, null, null, "four eyes " + (on ? "on" : "off"));
        });
    }

    public ChangeRequest request(long requestId, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        return requests.find(requestId).orElseThrow(() -> new UserFacingException("workbench.error.noSuchRequest"));
    }

    /** A file's requests (every file's, when null), newest first. */
    public List<ChangeRequest> requests(String resourceName, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        return requests.latest(resourceName, 200);
    }

    /** The audit trail of one file (every file's, when null), newest first. */
    public List<AuditEntry> audit(String resourceName, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        return audit.latest(resourceName, 500);
    }

    /** What Summit's checks find in content of a file (a draft in the editor), errors first; changes nothing. */
    public List<ModelChecks.Finding> check(String resourceName, String content, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        ModelDrafts.requireSize(content);
        return checks.check(resourceName, content).stream().sorted(java.util.Comparator.comparing(ModelChecks.Finding::severity)).toList();
    }

    /** The audit trail of one request, oldest first. */
    public List<AuditEntry> auditOfRequest(long requestId, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        return audit.ofRequest(requestId);
    }

    /** A version of a model, for the workbench's pages. */
    public Optional<ModelVersion> version(long versionId, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        return models.version(versionId);
    }

    private Optional<ModelVersion> current(String resourceName) {
        return models.currentOf(resourceName);
    }

    private String name(String username) {
        return ModelStore.SYSTEM.equals(username) ? username : users.displayNames().getOrDefault(username, username);
    }

    private static ModelVersion.Kind kindOf(String resourceName) {
        return resourceName.endsWith(".bpmn") ? ModelVersion.Kind.BPMN : resourceName.endsWith(".dmn") ? ModelVersion.Kind.DMN : ModelVersion.Kind.FORM;
    }

    private static String summary(List<ModelChecks.Finding> findings) {
        long errors = findings.stream().filter(f -> f.severity() == ModelChecks.Severity.ERROR).count();
        StringBuilder s = new StringBuilder(errors + " errors, " + (findings.size() - errors) + " warnings");
        findings.stream().limit(20).forEach(f -> s.append("; ").append(f.severity()).append(' ')
                .append(f.elementId() == null ? "" : f.elementId() + " ").append(f.messageKey()).append(f.arguments()));
        return s.toString();
    }
}
