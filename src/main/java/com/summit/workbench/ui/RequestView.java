package com.summit.workbench.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.BpmnViewer;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.summit.workbench.domain.ChangeRequest;
import com.summit.workbench.service.ChangeSummaries;
import com.summit.workbench.service.ModelChanges;
import com.summit.workbench.service.ModelDiff;
import com.summit.workbench.service.WorkbenchService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to deploy a change: what it changes (the diagram with the added and changed elements marked, and every
 * change in words, row by row for a decision table), what the checks say now, who asked, who decided, and the deploy
 * (the engine's refusal by element) or the withdrawal.
 */
@Route("workbench/request")
@RolesAllowed({"PROCESS_OWNER", "ADMIN"})
public class RequestView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final transient ModelChanges changes;
    private final transient ChangeSummaries summaries;
    private final transient WorkbenchService workbench;
    private final transient com.summit.workbench.service.ImpactPreview impacts;
    private final transient SummitUser user;
    private final transient Map<String, String> names;
    private long requestId;
    private String title = "";

    public RequestView(ModelChanges changes, ChangeSummaries summaries, WorkbenchService workbench,
            com.summit.workbench.service.ImpactPreview impacts, CurrentUser currentUser) {
        this.impacts = impacts;
        this.changes = changes;
        this.summaries = summaries;
        this.workbench = workbench;
        this.user = currentUser.require();
        this.names = workbench.displayNames();
        addClassName("summit-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        requestId = parameter;
        render(null);
    }

    private void render(List<com.summit.workbench.service.ModelChecks.Finding> refusal) {
        removeAll();
        ChangeRequest r;
        try {
            r = changes.request(requestId, user);
        } catch (UserFacingException e) {
            add(new Paragraph(Errors.text(this, e)));
            return;
        }
        title = getTranslation("workbench.request.title", r.id(), r.resourceName());
        H2 heading = new H2(title);
        heading.setId("request-heading");
        Span state = RequestsGrid.state(this, r);
        state.setId("request-state");
        add(new Anchor("workbench/model/" + r.resourceName(), getTranslation("workbench.request.backToModel", r.resourceName())),
                new HorizontalLayout(heading, state), facts(r), actions(r));
        if (refusal != null) {
            Div refused = ModelView.card("request-refusal", getTranslation("workbench.deploy.refusedTitle"));
            refused.add(new Findings(refusal));
            add(refused);
        } else if (r.lastFailure() != null && r.state() == ChangeRequest.State.APPROVED) {
            Div failed = ModelView.card("request-refusal", getTranslation("workbench.deploy.lastRefusal"));
            failed.add(new Paragraph(r.lastFailure()));
            add(failed);
        }
        add(changesCard(r));
        ModelVersion proposal = changes.version(r.proposalId(), user).orElseThrow();
        if (proposal.kind() == ModelVersion.Kind.DMN && r.state().open()) {
            try {
                add(new ImpactCard(impacts.preview(r.resourceName(), proposal.content(), user, getLocale())));
            } catch (UserFacingException e) {
                Div failed = ModelView.card("workbench-impact", getTranslation("workbench.impact.title"));
                failed.add(new Paragraph(Errors.text(this, e)));
                add(failed);
            }
        }
        add(checksCard(r), new AuditCard(changes.auditOfRequest(r.id(), user), names));
    }

    private Div facts(ChangeRequest r) {
        Div card = ModelView.card("request-facts", null);
        StringBuilder dl = new StringBuilder("<dl class=\"summit-facts\">");
        fact(dl, "workbench.request.by", Names.who(this, r.requestedBy(), names) + " · " + Formats.dateTime(r.requestedAt()));
        fact(dl, "workbench.comment", r.comment());
        fact(dl, "workbench.tag", r.versionTag() == null ? "—" : r.versionTag());
        fact(dl, "workbench.request.kind", getTranslation("workbench.request.kind." + r.kind().name()));
        fact(dl, "workbench.fourEyes", getTranslation(r.fourEyes() ? "common.yes" : "common.no"));
        if (r.decidedBy() != null) {
            fact(dl, "workbench.request.decidedBy", Names.who(this, r.decidedBy(), names) + " · " + Formats.dateTime(r.decidedAt())
                    + (r.decisionNote() == null || r.decisionNote().isBlank() ? "" : " · " + r.decisionNote()));
        }
        if (r.deployedVersionId() != null) {
            fact(dl, "workbench.request.deployedAs", changes.version(r.deployedVersionId(), user).map(v -> "v" + v.version()).orElse("—"));
        }
        card.add(new com.vaadin.flow.component.Html(dl.append("</dl>").toString()));
        return card;
    }

    private void fact(StringBuilder dl, String key, String value) {
        dl.append("<dt>").append(escape(getTranslation(key))).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

    private HorizontalLayout actions(ChangeRequest r) {
        HorizontalLayout actions = new HorizontalLayout();
        if (r.state() == ChangeRequest.State.REQUESTED) {
            Paragraph waiting = new Paragraph(getTranslation(r.requestedBy().equals(user.username()) ? "workbench.request.waitingYours"
                    : "workbench.request.waitingInbox"));
            waiting.setId("request-waiting");
            actions.add(waiting);
        }
        if (r.state() == ChangeRequest.State.APPROVED) {
            Button deploy = new Button(getTranslation("workbench.deploy"), VaadinIcon.ROCKET.create(), e -> {
                try {
                    ModelVersion v = changes.deploy(r.id(), user);
                    Errors.success(getTranslation("workbench.deploy.done", r.resourceName(), v.version()));
                    render(null);
                } catch (ModelChanges.RefusedException ex) {
                    Errors.show(this, ex);
                    render(ex.findings());
                } catch (UserFacingException ex) {
                    Errors.show(this, ex);
                }
            });
            deploy.setId("request-deploy");
            deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(deploy);
        }
        if (r.state().open() && (r.requestedBy().equals(user.username()) || user.has(Role.ADMIN))) {
            Button withdraw = new Button(getTranslation("workbench.withdraw"), e -> {
                try {
                    changes.withdraw(r.id(), user);
                    render(null);
                } catch (UserFacingException ex) {
                    Errors.show(this, ex);
                }
            });
            withdraw.setId("request-withdraw");
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(withdraw);
        }
        return actions;
    }

    private Div changesCard(ChangeRequest r) {
        Div card = ModelView.card("request-changes", getTranslation("workbench.diff.title"));
        List<ModelDiff.Change> list = summaries.changes(r);
        ModelVersion proposal = changes.version(r.proposalId(), user).orElseThrow();
        if (proposal.kind() == ModelVersion.Kind.BPMN) {
            Map<String, String> markers = new LinkedHashMap<>();
            for (ModelDiff.Change c : list) {
                if (c.kind() != ModelDiff.Kind.REMOVED) {
                    markers.put(c.elementId(), c.kind() == ModelDiff.Kind.ADDED ? "added" : "changed");
                }
                if (c.containerId() != null) {
                    markers.putIfAbsent(c.containerId(), "changed");
                }
            }
            BpmnViewer diagram = new BpmnViewer(proposal.content(), markers);
            diagram.setId("request-diagram");
            diagram.setHeight("420px");
            Paragraph legend = new Paragraph(getTranslation("workbench.diff.legend"));
            legend.addClassName("summit-muted");
            card.add(diagram, legend);
        }
        if (list.isEmpty()) {
            card.add(new Paragraph(getTranslation("workbench.diff.layoutOnly")));
            return card;
        }
        Grid<ModelDiff.Change> grid = new Grid<>();
        grid.setId("request-change-list");
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(c -> {
            Span kind = new Span(getTranslation("workbench.diff." + c.kind().name()));
            kind.getElement().getThemeList().add(switch (c.kind()) {
                case ADDED -> "badge success";
                case CHANGED -> "badge";
                case REMOVED -> "badge error";
            });
            return kind;
        }).setHeader(getTranslation("workbench.diff.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> summaries.line(c, getLocale())).setHeader(getTranslation("workbench.diff.what")).setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.setItems(list);
        card.add(grid);
        return card;
    }

    private Div checksCard(ChangeRequest r) {
        Div card = ModelView.card("request-checks", getTranslation("workbench.check.now"));
        ModelVersion proposal = changes.version(r.proposalId(), user).orElseThrow();
        var findings = workbench.findings(proposal.resourceName(), proposal.content(), user);
        card.add(findings.isEmpty() ? new Paragraph(getTranslation("workbench.check.clean")) : new Findings(findings));
        return card;
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("nav.workbench") : title;
    }
}
