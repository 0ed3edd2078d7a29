package com.summit.workbench.service;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The process owner's workbench: the models Summit runs, every version of each with who made it, when and why, and
 * downloads (one version, or every current model as a zip with the repository's layout, to put back into git). Only
 * process owners and admins may use any of it.
 */
@Service
public class WorkbenchService {

    private final ModelStore models;
    private final UserService users;
    private final com.summit.base.i18n.Messages messages;
    private final ModelChecks checks;
    private final com.summit.tasklist.service.TaskService tasks;
    private final List<LiveCountSource> liveCounts;

    WorkbenchService(ModelStore models, UserService users, com.summit.base.i18n.Messages messages, ModelChecks checks,
            com.summit.tasklist.service.TaskService tasks, List<LiveCountSource> liveCounts) {
        this.liveCounts = liveCounts;
        this.tasks = tasks;
        this.checks = checks;
        this.models = models;
        this.users = users;
        this.messages = messages;
    }

    /** A model file as the workbench lists it: its current version and the proposals waiting. */
    public record ModelRow(String resourceName, ModelVersion.Kind kind, String modelId, String modelName, int version, Instant deployedAt,
            String deployedBy, int proposals) {

        /** The name the list shows: the model's own name (a form has none: its id). */
        public String shownName() {
            return modelName == null ? modelId : modelName;
        }
    }

    /** A file to download: its name and bytes. */
    public record Download(String fileName, String contentType, byte[] bytes) {}

    /** Every model file, processes first, then decision tables, then forms; names in the reader's language where known. */
    public List<ModelRow> models(SummitUser user, java.util.Locale locale) {
        requireOwner(user);
        Map<String, Integer> proposals = models.proposals();
        return models.current().stream()
                .map(v -> new ModelRow(v.resourceName(), v.kind(), v.modelId(), name(v, locale), v.version(), v.deployedAt(), v.deployedBy(),
                        proposals.getOrDefault(v.resourceName(), 0)))
                .sorted(Comparator.comparing(ModelRow::kind).thenComparing(ModelRow::resourceName))
                .toList();
    }

    /** The same, with the models' own names. */
    public List<ModelRow> models(SummitUser user) {
        return models(user, Locales.ZH_CN);
    }

    /** A version's model name in the reader's language where known (a form: its id). */
    public String shownName(ModelVersion v, java.util.Locale locale) {
        String name = name(v, locale);
        return name == null ? v.modelId() : name;
    }

    /** What Summit's checks find in a model, errors first, as findings to render. */
    public List<ModelChecks.Finding> findings(String resourceName, String content, SummitUser user) {
        requireOwner(user);
        return checks.check(resourceName, content).stream().sorted(Comparator.comparing(ModelChecks.Finding::severity)).toList();
    }

    private String name(ModelVersion v, java.util.Locale locale) {
        if (v.kind() == ModelVersion.Kind.FORM || Locales.ZH_CN.getLanguage().equals(locale.getLanguage())) {
            return v.modelName();
        }
        String key = (v.kind() == ModelVersion.Kind.BPMN ? "bpmn." : "dmn.") + v.modelId() + ".name";
        return messages.find(key, locale).orElse(v.modelName());
    }

    /** Every version of a model file, newest first; an unknown file is "not found". */
    public List<ModelVersion> versions(String resourceName, SummitUser user) {
        requireOwner(user);
        List<ModelVersion> versions = models.versionsOf(resourceName);
        if (versions.isEmpty()) {
            throw new UserFacingException("workbench.error.noSuchModel", resourceName);
        }
        return versions.reversed();
    }

    /**
     * Where a process version's instances wait now, as Summit knows it: the open tasks at each element of this
     * version ({@code tasks}), and, on the current version, the cases other features place in the process whatever
     * version they run on (a deal's stage: {@code cases}). Instances at a machine step, a timer or a message are not
     * seen; the page says so.
     */
    public record LiveCounts(String xml, Map<String, Integer> tasks, Map<String, Integer> cases) {}

    public LiveCounts liveCounts(long versionId, SummitUser user) {
        requireOwner(user);
        ModelVersion v = models.version(versionId).filter(x -> x.kind() == ModelVersion.Kind.BPMN && x.engineVersion() != null)
                .orElseThrow(() -> new UserFacingException("workbench.error.noSuchVersion"));
        Map<String, Integer> open = tasks.openTasksByElement(v.modelId(), v.engineVersion());
        boolean current = models.currentOf(v.resourceName()).map(c -> c.id() == v.id()).orElse(false);
        Map<String, Integer> cases = new java.util.LinkedHashMap<>();
        if (current) {
            liveCounts.stream().filter(s -> s.bpmnProcessId().equals(v.modelId())).forEach(s -> cases.putAll(s.counts()));
        }
        return new LiveCounts(v.content(), open, cases);
    }

    /** One version's file, named by its model file and number ({@code opportunity-lifecycle.v3.bpmn}). */
    public Download download(long versionId, SummitUser user) {
        requireOwner(user);
        ModelVersion v = models.version(versionId).orElseThrow(() -> new UserFacingException("workbench.error.noSuchVersion"));
        String name = v.resourceName();
        int dot = name.lastIndexOf('.');
        String label = v.version() != null ? "v" + v.version() : "proposal-" + v.id();
        String fileName = dot < 0 ? name + "." + label : name.substring(0, dot) + "." + label + name.substring(dot);
        return new Download(fileName, v.kind() == ModelVersion.Kind.FORM ? "application/json" : "application/xml",
                v.content().getBytes(StandardCharsets.UTF_8));
    }

    /** Every current model, as {@code bpmn/…} and {@code forms/…} in one zip. */
    public Download currentModels(SummitUser user) {
        requireOwner(user);
        return new Download("summit-models-" + LocalDate.now(Locales.ZONE) + ".zip", "application/zip", models.currentAsZip());
    }

    /** A problem a check found, in the reader's language, at its element where it has one. */
    public record CheckResult(String elementId, boolean error, String message) {}

    /**
     * Summit's own checks of a model file before it may be deployed (the job types have workers, the linked forms,
     * groups, called processes and decisions exist; a decision table parses with Zeebe's DMN engine; a form is a form-js
     * schema). Changes nothing. Errors first.
     */
    public List<CheckResult> check(String resourceName, String content, SummitUser user, java.util.Locale locale) {
        requireOwner(user);
        return checks.check(resourceName, content).stream()
                .sorted(Comparator.comparing(ModelChecks.Finding::severity))
                .map(f -> new CheckResult(f.elementId(), f.severity() == ModelChecks.Severity.ERROR,
                        messages.getTranslation(f.messageKey(), locale, f.arguments().toArray())))
                .toList();
    }

    /** People's names as the workbench shows them (username → display name). */
    public Map<String, String> displayNames() {
        return users.displayNames();
    }

    private static void requireOwner(SummitUser user) {
        WorkbenchAccess.requireOwner(user);
    }
}
