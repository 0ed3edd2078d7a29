package com.summit.workbench.service;

import com.summit.base.UserFacingException;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import com.summit.workbench.domain.AuditEntry;
import com.summit.workbench.domain.ModelDraft;
import com.summit.workbench.domain.ModelDraftRepository;
import com.summit.workbench.domain.WorkbenchAuditRepository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A process owner's drafts: saved at any time, theirs alone until proposed. Each save names the revision it was made
 * on, so a save from a page opened before another save is a conflict in words, never an overwrite; a draft begun on a
 * version that is no longer current says so.
 */
@Service
public class ModelDrafts {

    static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,190}\\.(bpmn|dmn|form)");

    private final ModelDraftRepository drafts;
    private final ModelStore models;
    private final WorkbenchAuditRepository audit;
    private final TransactionTemplate transactions;

    ModelDrafts(ModelDraftRepository drafts, ModelStore models, WorkbenchAuditRepository audit, TransactionTemplate transactions) {
        this.drafts = drafts;
        this.models = models;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * What the editor opens: the user's draft of the file, or (none yet) the current version's content at revision 0.
     * {@code base}: the version the draft began on; {@code current}: the version running now; {@code others}: who else
     * has a draft of the same file.
     */
    public record Opened(String resourceName, String content, int revision, ModelVersion base, ModelVersion current, List<String> others) {

        /** The draft began on a version that is no longer the current one. */
        public boolean stale() {
            return current != null && (base == null || base.id() != current.id());
        }
    }

    public Opened open(String resourceName, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        Optional<ModelVersion> current = current(resourceName);
        List<String> others = drafts.otherAuthors(resourceName, user.username());
        return drafts.find(resourceName, user.username())
                .map(d -> new Opened(resourceName, d.content(), d.revision(), d.baseVersionId() == null ? null : models.version(d.baseVersionId()).orElse(null),
                        current.orElse(null), others))
                .orElseGet(() -> {
                    ModelVersion c = current.orElseThrow(() -> new UserFacingException("workbench.error.noSuchModel", resourceName));
                    return new Opened(resourceName, c.content(), 0, c, c, others);
                });
    }

    /** The user's draft of a file, if they have one. */
    public Optional<ModelDraft> find(String resourceName, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        return drafts.find(resourceName, user.username());
    }

    /** Every draft of the user, newest first. */
    public List<ModelDraft> mine(SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        return drafts.ofAuthor(user.username());
    }

    /**
     * Saves the user's draft. {@code revision}: the one the editor opened (0: the user had none). A new file needs a
     * model file name that is free. Returns the draft as saved.
     */
    public ModelDraft save(String resourceName, String content, int revision, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        requireFileName(resourceName);
        requireSize(content);
        if (revision == 0) {
            Long base = current(resourceName).map(ModelVersion::id).orElse(null);
            ModelDraft saved = drafts.create(resourceName, user.username(), base, content)
                    .orElseThrow(() -> new UserFacingException("workbench.draft.conflict", resourceName));
            audit.add(user.username(), AuditEntry.Action.DRAFT_SAVED, resourceName, base, null, "revision 1");
            return saved;
        }
        ModelDraft saved = drafts.update(resourceName, user.username(), revision, content)
                .orElseThrow(() -> new UserFacingException("workbench.draft.conflict", resourceName));
        audit.add(user.username(), AuditEntry.Action.DRAFT_SAVED, resourceName, saved.baseVersionId(), null, "revision " + saved.revision());
        return saved;
    }

    /** Starts a draft of a new file (a new form, a new process): the name must be free and not in anyone's draft of theirs. */
    public ModelDraft createFile(String resourceName, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        requireFileName(resourceName);
        if (!models.versionsOf(resourceName).isEmpty()) {
            throw new UserFacingException("workbench.draft.fileExists", resourceName);
        }
        return save(resourceName, EmptyModels.of(resourceName), 0, user);
    }

    /** Starts the user's draft from a version of the file (an older one, or a proposal of the app's files). */
    public ModelDraft startFrom(long versionId, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        ModelVersion v = models.version(versionId).orElseThrow(() -> new UserFacingException("workbench.error.noSuchVersion"));
        if (drafts.find(v.resourceName(), user.username()).isPresent()) {
            throw new UserFacingException("workbench.draft.exists", v.resourceName());
        }
        return save(v.resourceName(), v.content(), 0, user);
    }

    /** Takes the current version as the draft's base, after its author read what was deployed since they began. */
    public ModelDraft rebase(String resourceName, int revision, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        ModelDraft draft = drafts.find(resourceName, user.username()).orElseThrow(() -> new UserFacingException("workbench.draft.none", resourceName));
        Long current = current(resourceName).map(ModelVersion::id).orElse(null);
        if (draft.revision() != revision || !drafts.rebase(draft.id(), revision, current)) {
            throw new UserFacingException("workbench.draft.conflict", resourceName);
        }
        return drafts.find(resourceName, user.username()).orElseThrow();
    }

    /** Throws the user's draft away. */
    public void discard(String resourceName, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        transactions.executeWithoutResult(status -> drafts.find(resourceName, user.username()).ifPresent(d -> {
            drafts.delete(d.id());
            audit.add(user.username(), AuditEntry.Action.DRAFT_DISCARDED, resourceName, d.baseVersionId(), null, "revision " + d.revision());
        }));
    }

    /** Removes a draft that became a proposal (inside the proposal's transaction). */
    void proposed(ModelDraft draft) {
        drafts.delete(draft.id());
    }

    private Optional<ModelVersion> current(String resourceName) {
        return models.currentOf(resourceName);
    }

    static void requireFileName(String resourceName) {
        if (resourceName == null || !FILE_NAME.matcher(resourceName).matches()) {
            throw new UserFacingException("workbench.check.badFileName", resourceName == null ? "" : resourceName);
        }
    }

    static void requireSize(String content) {
        int bytes = content == null ? 0 : content.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ModelChecks.MAX_BYTES) {
            throw new UserFacingException("workbench.check.tooLarge", bytes / 1024 / 1024, ModelChecks.MAX_BYTES / 1024 / 1024);
        }
        if (bytes == 0) {
            throw new UserFacingException("workbench.draft.empty");
        }
    }
}
