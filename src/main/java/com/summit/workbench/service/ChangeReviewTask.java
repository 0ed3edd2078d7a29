package com.summit.workbench.service;

import com.summit.base.i18n.Messages;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskContextProvider;
import com.summit.tasklist.service.TaskSubmissionCheck;
import com.summit.workbench.domain.ChangeRequest;
import com.summit.workbench.domain.ChangeRequestRepository;
import com.summit.workbench.process.ModelChangeProcess;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The review task of a model change: its page shows the model, the author, their comment, the changes element by
 * element and the checks, with a link to the request in the workbench (the diagram with the changes marked); it is
 * decided only by a process owner or admin who is not the author, while the request waits.
 */
@Component
class ChangeReviewTask implements TaskContextProvider, TaskSubmissionCheck {

    private final ChangeRequestRepository requests;
    private final ModelStore models;
    private final ModelChanges changes;
    private final ChangeSummaries summaries;
    private final UserService users;
    private final Messages messages;
    private final ImpactPreview impacts;

    ChangeReviewTask(ChangeRequestRepository requests, ModelStore models, ModelChanges changes, ChangeSummaries summaries, UserService users,
            Messages messages, ImpactPreview impacts) {
        this.impacts = impacts;
        this.requests = requests;
        this.models = models;
        this.changes = changes;
        this.summaries = summaries;
        this.users = users;
        this.messages = messages;
    }

    private Optional<ChangeRequest> request(HumanTask task, Map<String, Object> variables) {
        if (!ModelChangeProcess.PROCESS_ID.equals(task.bpmnProcessId()) || !(variables.get("requestId") instanceof Number id)) {
            return Optional.empty();
        }
        return requests.find(id.longValue());
    }

    @Override
    public List<ContextItem> contextFor(HumanTask task, Locale locale) {
        if (!ModelChangeProcess.PROCESS_ID.equals(task.bpmnProcessId())) {
            return List.of();
        }
        return requests.byReviewInstance(task.processInstanceKey()).map(r -> List.of(new ContextItem(
                messages.getTranslation("workbench.request.link", locale), messages.getTranslation("workbench.request.title", locale, r.id(),
                        r.resourceName()), "/workbench/request/" + r.id()))).orElse(List.of());
    }

    @Override
    public Map<String, Object> formData(HumanTask task, Map<String, Object> variables, Locale locale) {
        return request(task, variables).map(r -> {
            ModelVersion proposal = models.version(r.proposalId()).orElseThrow();
            String base = r.baseVersionId() == null ? messages.getTranslation("workbench.request.newFile", locale)
                    : models.version(r.baseVersionId()).map(v -> "v" + v.version()).orElse("?");
            String impactText;
            SummitUser reader = users.find(task.assignee() == null ? "" : task.assignee()).orElse(null);
            if (proposal.kind() != ModelVersion.Kind.DMN) {
                impactText = messages.getTranslation("workbench.impact.notDecision", locale);
            } else if (reader == null) {
                impactText = messages.getTranslation("workbench.impact.afterClaim", locale);
            } else {
                try {
                    List<ImpactPreview.Impact> list = impacts.preview(r.resourceName(), proposal.content(), reader, locale);
                    impactText = list.isEmpty() ? messages.getTranslation("workbench.impact.noSource", locale) : impacts.text(list, locale);
                } catch (com.summit.base.UserFacingException e) {
                    impactText = messages.getTranslation(e.messageKey(), locale, e.arguments());
                }
            }
            return Map.<String, Object>of(
                    "impactText", impactText,
                    "modelText", messages.getTranslation("workbench.request.modelText", locale, r.resourceName(), base, r.versionTag()),
                    "requestedByName", users.displayNames().getOrDefault(r.requestedBy(), r.requestedBy()),
                    "requestComment", r.comment(),
                    "changesText", summaries.changesText(r, proposal, locale),
                    "checksText", summaries.checksText(r, proposal, locale));
        }).orElse(Map.of());
    }

    @Override
    public boolean appliesTo(HumanTask task) {
        return ModelChangeProcess.PROCESS_ID.equals(task.bpmnProcessId()) && ModelChangeProcess.TASK_REVIEW.equals(task.elementId());
    }

    @Override
    public void check(HumanTask task, SummitUser user, Map<String, Object> values, Map<String, Object> taskVariables) {
        if (!(taskVariables.get("requestId") instanceof Number id)) {
            throw new IllegalStateException("review task " + task.id() + " carries no request");
        }
        changes.checkDecision(id.longValue(), user, (String) values.get("changeDecision"), (String) values.get("changeNote"));
    }
}
