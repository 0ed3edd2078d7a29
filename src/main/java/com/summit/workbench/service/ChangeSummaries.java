package com.summit.workbench.service;

import com.summit.base.i18n.Messages;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.workbench.domain.ChangeRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** A change in words, in the reader's language: what it adds, removes and changes, and what the checks say. */
@Component
public class ChangeSummaries {

    private static final int MAX_LINES = 40;

    private final ModelStore models;
    private final ModelChecks checks;
    private final Messages messages;

    ChangeSummaries(ModelStore models, ModelChecks checks, Messages messages) {
        this.models = models;
        this.checks = checks;
        this.messages = messages;
    }

    /** The changes of a request's proposal against the version it was made on. */
    public List<ModelDiff.Change> changes(ChangeRequest request) {
        ModelVersion proposal = models.version(request.proposalId()).orElseThrow();
        String before = request.baseVersionId() == null ? null : models.version(request.baseVersionId()).map(ModelVersion::content).orElse(null);
        return ModelDiff.of(proposal.kind(), before, proposal.content());
    }

    /** One change as a line: "新增 用户任务「现场考察」(Task_SiteVisit)". */
    public String line(ModelDiff.Change c, Locale locale) {
        String kind = messages.getTranslation("workbench.diff." + c.kind().name(), locale);
        String type = messages.find("workbench.element." + c.type(), locale).orElse(c.type());
        String name = c.name() == null ? c.elementId() : messages.getTranslation("workbench.diff.named", locale, c.name(), c.elementId());
        StringBuilder s = new StringBuilder(kind).append(' ').append(type).append(' ').append(name);
        if (c.kind() == ModelDiff.Kind.CHANGED) {
            s.append(messages.getTranslation("common.clauseSeparator", locale)).append(String.join("、",
                    c.parts().stream().map(p -> p.startsWith("@") ? messages.getTranslation("workbench.part.attribute", locale, p.substring(1))
                            : messages.find("workbench.part." + p, locale).orElse(p)).toList()));
            if ("rule".equals(c.type()) && c.before() != null) {
                s.append(messages.getTranslation("workbench.diff.row", locale, c.before(), c.after()));
            }
        } else if ("rule".equals(c.type())) {
            s.append(messages.getTranslation("workbench.diff.rowOnly", locale, c.kind() == ModelDiff.Kind.ADDED ? c.after() : c.before()));
        }
        return s.toString();
    }

    String changesText(ChangeRequest request, ModelVersion proposal, Locale locale) {
        List<ModelDiff.Change> changes = changes(request);
        if (changes.isEmpty()) {
            return messages.getTranslation("workbench.diff.layoutOnly", locale);
        }
        StringBuilder s = new StringBuilder();
        changes.stream().limit(MAX_LINES).forEach(c -> s.append(line(c, locale)).append('\n'));
        if (changes.size() > MAX_LINES) {
            s.append(messages.getTranslation("workbench.diff.more", locale, changes.size() - MAX_LINES));
        }
        return s.toString().strip();
    }

    String checksText(ChangeRequest request, ModelVersion proposal, Locale locale) {
        List<ModelChecks.Finding> findings = checks.check(proposal.resourceName(), proposal.content());
        if (findings.isEmpty()) {
            return messages.getTranslation("workbench.check.clean", locale);
        }
        StringBuilder s = new StringBuilder();
        for (ModelChecks.Finding f : findings) {
            s.append(messages.getTranslation(f.severity() == ModelChecks.Severity.ERROR ? "workbench.check.error" : "workbench.check.warning", locale))
                    .append(' ').append(f.elementId() == null ? "" : f.elementId() + "：")
                    .append(messages.getTranslation(f.messageKey(), locale, f.arguments().toArray())).append('\n');
        }
        if (request.warningsAcknowledged()) {
            s.append(messages.getTranslation("workbench.check.acknowledged", locale));
        }
        return s.toString().strip();
    }
}
