package com.summit.workbench.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.summit.workbench.domain.ChangeRequest;
import com.summit.workbench.service.ModelChanges;
import com.summit.workbench.service.ModelDrafts;
import com.summit.workbench.service.WorkbenchService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * One model file in the workbench: its versions (who, when, why, its tag, the instances on each), the owner's own
 * draft (start, replace with a file, download, discard, propose), the requests to deploy a change, the four-eyes
 * setting, and the audit trail.
 */
@Route("workbench/model")
@RolesAllowed({"PROCESS_OWNER", "ADMIN"})
public class ModelView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final transient WorkbenchService workbench;
    private final transient ModelDrafts drafts;
    private final transient ModelChanges changes;
    private final transient com.summit.workbench.service.ImpactPreview impacts;
    private final transient com.summit.workbench.service.ModelTranslations translations;
    private final transient com.summit.workbench.service.InstanceMigrations migrations;
    private final transient SummitUser user;
    private final transient Map<String, String> names;
    private String resourceName = "";
    private final Div liveArea = new Div();
    private String title = "";

    public ModelView(WorkbenchService workbench, ModelDrafts drafts, ModelChanges changes, com.summit.workbench.service.ImpactPreview impacts,
            com.summit.workbench.service.ModelTranslations translations, com.summit.workbench.service.InstanceMigrations migrations,
            CurrentUser currentUser) {
        this.migrations = migrations;
        this.impacts = impacts;
        this.translations = translations;
        this.workbench = workbench;
        this.drafts = drafts;
        this.changes = changes;
        this.user = currentUser.require();
        this.names = workbench.displayNames();
        addClassName("summit-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        resourceName = parameter;
        render();
    }

    private void render() {
        removeAll();
        List<ModelVersion> versions;
        try {
            versions = workbench.versions(resourceName, user);
        } catch (UserFacingException e) {
            if (drafts.find(resourceName, user).isEmpty()) {
                add(new Paragraph(Errors.text(this, e)));
                return;
            }
            // a new file, in its author's draft only
            versions = List.of();
        }
        ModelVersion current = versions.stream().filter(v -> v.state() == ModelVersion.State.DEPLOYED).findFirst().orElse(null);
        String shown = current == null ? resourceName : workbench.shownName(current, getLocale());
        title = shown;
        Anchor back = new Anchor("workbench", getTranslation("workbench.back"));
        // a model with a name shows it with its file; a new file has only its file name, shown once
        H2 heading = new H2(shown.equals(resourceName) ? resourceName : getTranslation("workbench.model.heading", shown, resourceName));
        heading.setId("model-heading");
        add(back, heading, facts(current), new DraftCard(drafts, changes, impacts, user, resourceName, names, this::render), requestsCard(),
                versionsCard(versions, current));
        if (current != null && current.kind() != ModelVersion.Kind.DMN) {
            add(new TranslationsCard(translations, current.id(), user, this::render));
        }
        add(new AuditCard(changes.audit(resourceName, user), names));
    }

    private Div facts(ModelVersion current) {
        Div card = card("model-facts", null);
        if (current != null) {
            card.add(new Paragraph(getTranslation("workbench.model.current", current.version(), who(current.deployedBy()),
                    Formats.dateTime(current.deployedAt()), current.versionTag() == null ? "—" : current.versionTag())));
        }
        Checkbox fourEyes = new Checkbox(getTranslation("workbench.fourEyes"), changes.fourEyes(resourceName));
        fourEyes.setId("model-four-eyes");
        fourEyes.setHelperText(getTranslation(user.has(Role.ADMIN) ? "workbench.fourEyes.help" : "workbench.fourEyes.adminOnly"));
        fourEyes.setReadOnly(!user.has(Role.ADMIN));
        fourEyes.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                changes.setFourEyes(resourceName, e.getValue(), user);
                Errors.success(getTranslation(e.getValue() ? "workbench.fourEyes.on" : "workbench.fourEyes.off"));
            } catch (UserFacingException ex) {
                Errors.show(this, ex);
                fourEyes.setValue(e.getOldValue());
            }
        });
        card.add(fourEyes);
        return card;
    }

    private Div requestsCard() {
        Div card = card("model-requests", getTranslation("workbench.requests"));
        List<ChangeRequest> list = changes.requests(resourceName, user);
        if (list.isEmpty()) {
            card.add(new Paragraph(getTranslation("workbench.requests.none")));
            return card;
        }
        card.add(RequestsGrid.of(this, list, names));
        return card;
    }

    private Div versionsCard(List<ModelVersion> versions, ModelVersion current) {
        Div card = card("model-versions", getTranslation("workbench.versions"));
        Grid<ModelVersion> grid = new Grid<>();
        grid.setId("model-version-list");
        grid.addColumn(v -> v.version() == null ? "—" : "v" + v.version()).setHeader(getTranslation("workbench.version")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(v -> {
            Span state = new Span(getTranslation("workbench.state." + v.state().name()));
            state.getElement().getThemeList().add(switch (v.state()) {
                case PROPOSED -> "badge";
                case DEPLOYED -> "badge success";
                case REJECTED -> "badge contrast";
            });
            return state;
        }).setHeader(getTranslation("workbench.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> getTranslation("workbench.origin." + v.origin().name())).setHeader(getTranslation("workbench.origin")).setAutoWidth(true);
        grid.addColumn(v -> who(v.author())).setHeader(getTranslation("workbench.author")).setAutoWidth(true);
        grid.addColumn(v -> Formats.dateTime(v.deployedAt() != null ? v.deployedAt() : v.createdAt())).setHeader(getTranslation("workbench.created"))
                .setAutoWidth(true);
        grid.addColumn(v -> v.comment() == null ? "—" : v.comment()).setHeader(getTranslation("workbench.comment")).setFlexGrow(1);
        grid.addColumn(v -> v.versionTag() == null ? "—" : v.versionTag()).setHeader(getTranslation("workbench.tag")).setAutoWidth(true);
        Map<Integer, Integer> running = current != null && current.kind() == ModelVersion.Kind.BPMN
                ? migrations.runningByVersion(user, resourceName) : Map.of();
        if (current != null && current.kind() == ModelVersion.Kind.BPMN) {
            grid.addColumn(v -> v.version() == null || v.state() != ModelVersion.State.DEPLOYED ? "—"
                    : String.valueOf(running.getOrDefault(v.version(), 0)))
                    .setHeader(getTranslation("workbench.running")).setAutoWidth(true).setFlexGrow(0);
        }
        grid.addComponentColumn(v -> {
            HorizontalLayout actions = new HorizontalLayout();
            actions.setSpacing(false);
            Anchor file = new Anchor(Downloads.of(() -> workbench.download(v.id(), user)), "");
            Button download = new Button(VaadinIcon.DOWNLOAD_ALT.create());
            download.getElement().setAttribute("title", getTranslation("workbench.download"));
            download.getElement().setAttribute("aria-label", getTranslation("workbench.download"));
            download.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            file.add(download);
            file.setTarget(AnchorTarget.BLANK);
            actions.add(file);
            if (v.state() == ModelVersion.State.DEPLOYED && current != null && v.id() != current.id()) {
                Button rollBack = new Button(getTranslation("workbench.rollBack"), VaadinIcon.ARROW_BACKWARD.create());
                rollBack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                rollBack.setId("model-roll-back-" + v.version());
                rollBack.addClickListener(e -> new ProposeDialog(getTranslation("workbench.rollBack.title", v.version()),
                        (comment, tag, ack) -> changes.rollBack(v.id(), comment, tag, ack, user)).open());
                actions.add(rollBack);
            }
            if (v.kind() == ModelVersion.Kind.BPMN && v.state() == ModelVersion.State.DEPLOYED) {
                Button live = new Button(getTranslation("workbench.live"), VaadinIcon.CLUSTER.create(), e -> showLive(v));
                live.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                live.setId("model-live-" + v.version());
                actions.add(live);
            }
            if (v.state() == ModelVersion.State.DEPLOYED && current != null && v.id() != current.id() && running.getOrDefault(v.version(), 0) > 0) {
                Anchor migrate = new Anchor("workbench/migrate/" + resourceName + "?from=" + v.version() + "&to=" + current.version(),
                        getTranslation("workbench.migration.open"));
                migrate.setId("model-migrate-" + v.version());
                actions.add(migrate);
            }
            if (v.state() == ModelVersion.State.PROPOSED) {
                Button edit = new Button(getTranslation("workbench.draft.fromProposal"), VaadinIcon.EDIT.create());
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                edit.addClickListener(e -> {
                    try {
                        drafts.startFrom(v.id(), user);
                        render();
                    } catch (UserFacingException ex) {
                        Errors.show(this, ex);
                    }
                });
                actions.add(edit);
            }
            return actions;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setItems(versions);
        card.add(grid);
        if (current != null && current.kind() == ModelVersion.Kind.BPMN) {
            Paragraph note = new Paragraph(getTranslation("workbench.running.note"));
            note.addClassName("summit-muted");
            Anchor migrate = new Anchor("workbench/migrate/" + resourceName, getTranslation("workbench.migration.open"));
            migrate.setId("model-migrate");
            card.add(note, migrate, liveArea);
            liveArea.setWidthFull();
            showLive(current);
        }
        return card;
    }

    /** A version's diagram with the counts of what waits at each element now. */
    private void showLive(ModelVersion v) {
        liveArea.removeAll();
        WorkbenchService.LiveCounts counts;
        try {
            counts = workbench.liveCounts(v.id(), user);
        } catch (UserFacingException e) {
            liveArea.add(new Paragraph(Errors.text(this, e)));
            return;
        }
        H3 heading = new H3(getTranslation("workbench.live.title", v.version()));
        com.summit.base.ui.BpmnViewer diagram = com.summit.base.ui.BpmnViewer.withCounts(counts.xml(), counts.tasks(), counts.cases());
        diagram.setId("model-live-diagram");
        diagram.setHeight("460px");
        int tasks = counts.tasks().values().stream().mapToInt(Integer::intValue).sum();
        int cases = counts.cases().values().stream().mapToInt(Integer::intValue).sum();
        Paragraph legend = new Paragraph(getTranslation(counts.cases().isEmpty() ? "workbench.live.legendTasks" : "workbench.live.legend", tasks,
                cases));
        legend.setId("model-live-legend");
        Paragraph blind = new Paragraph(getTranslation("workbench.live.blind"));
        blind.addClassName("summit-muted");
        liveArea.add(heading, diagram, legend, blind);
    }

    static Div card(String id, String heading) {
        Div card = heading == null ? new Div() : new Div(new H3(heading));
        card.addClassName("summit-card");
        card.setId(id);
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        return card;
    }

    private String who(String username) {
        return Names.who(this, username, names);
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("nav.workbench") : title;
    }
}
