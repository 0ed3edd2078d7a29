package com.summit.workbench.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.summit.workbench.service.WorkbenchService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

/**
 * The process owner's workbench: the processes, decision tables and forms Summit runs, each with its current version,
 * the proposals waiting and every version before; downloads of one version or of every current model.
 */
@Route("workbench")
@Menu(title = "nav.workbench", order = 9, icon = "vaadin:sitemap")
@RolesAllowed({"PROCESS_OWNER", "ADMIN"})
public class WorkbenchView extends VerticalLayout implements HasDynamicTitle {

    private final transient WorkbenchService workbench;
    private final transient com.summit.workbench.service.ModelChanges changes;
    private final transient com.summit.workbench.service.ModelDrafts drafts;
    private final transient SummitUser user;
    private final transient Map<String, String> names;
    private final Div checkResult = new Div();

    public WorkbenchView(WorkbenchService workbench, com.summit.workbench.service.ModelChanges changes,
            com.summit.workbench.service.ModelDrafts drafts, CurrentUser currentUser) {
        this.workbench = workbench;
        this.changes = changes;
        this.drafts = drafts;
        this.user = currentUser.require();
        this.names = workbench.displayNames();
        addClassName("summit-page");
        render();
    }

    private void render() {
        Paragraph intro = new Paragraph(getTranslation("workbench.intro"));
        Anchor zip = new Anchor(Downloads.of(() -> workbench.currentModels(user)), "");
        zip.add(new Button(getTranslation("workbench.downloadAll"), VaadinIcon.DOWNLOAD.create()));
        zip.setId("workbench-download-all");
        Anchor ladders = new Anchor("ladders", getTranslation("workbench.ladders"));
        ladders.setId("workbench-ladders");
        Button newFile = new Button(getTranslation("workbench.newFile"), VaadinIcon.PLUS.create(), e -> new NewFileDialog(drafts, user).open());
        newFile.setId("workbench-new-file");
        HorizontalLayout actions = new HorizontalLayout(newFile, zip, ladders);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);

        Div modelsCard = new Div(new H3(getTranslation("workbench.models")));
        modelsCard.addClassName("summit-card");
        modelsCard.setWidthFull();
        modelsCard.getStyle().set("box-sizing", "border-box");
        Grid<WorkbenchService.ModelRow> grid = new Grid<>();
        grid.setId("workbench-models");
        grid.addColumn(m -> getTranslation("workbench.kind." + m.kind().name())).setHeader(getTranslation("workbench.kind")).setAutoWidth(true);
        // the model's name whole (it was cut to four characters beside the file names' auto width)
        grid.addColumn(WorkbenchService.ModelRow::shownName).setHeader(getTranslation("workbench.model")).setWidth("14em").setFlexGrow(2)
                .setTooltipGenerator(WorkbenchService.ModelRow::shownName);
        grid.addColumn(WorkbenchService.ModelRow::resourceName).setHeader(getTranslation("workbench.file")).setWidth("16em").setFlexGrow(1)
                .setTooltipGenerator(WorkbenchService.ModelRow::resourceName);
        grid.addColumn(m -> "v" + m.version()).setHeader(getTranslation("workbench.current")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> who(m.deployedBy())).setHeader(getTranslation("workbench.deployedBy")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> Formats.dateTime(m.deployedAt())).setHeader(getTranslation("workbench.deployed")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> {
            if (m.proposals() == 0) {
                return new Span("—");
            }
            Span badge = new Span(getTranslation("workbench.proposals", m.proposals()));
            badge.getElement().getThemeList().add("badge contrast");
            return badge;
        }).setHeader(getTranslation("workbench.proposalsHeader")).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        List<WorkbenchService.ModelRow> rows = workbench.models(user, getLocale());
        grid.setItems(rows);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("workbench/model/" + e.getItem().resourceName())));
        grid.addComponentColumn(m -> new Anchor("workbench/model/" + m.resourceName(), getTranslation("workbench.open")))
                .setAutoWidth(true).setFlexGrow(0);
        modelsCard.add(grid);

        add(intro, actions, requestsCard(), draftsCard(), modelsCard, checkCard());
    }

    /** The requests still open, of every model: what waits for review, and what is approved and waits to be deployed. */
    private Div requestsCard() {
        Div card = ModelView.card("workbench-open-requests", getTranslation("workbench.requests.open"));
        var open = changes.requests(null, user).stream().filter(r -> r.state().open()).toList();
        if (open.isEmpty()) {
            card.add(new Paragraph(getTranslation("workbench.requests.noneOpen")));
        } else {
            card.add(RequestsGrid.of(this, open, names));
        }
        return card;
    }

    /** The user's own drafts, each opening its model's page. */
    private Div draftsCard() {
        Div card = ModelView.card("workbench-my-drafts", getTranslation("workbench.drafts.mine"));
        var mine = drafts.mine(user);
        if (mine.isEmpty()) {
            card.add(new Paragraph(getTranslation("workbench.drafts.none")));
            return card;
        }
        for (var d : mine) {
            Div line = new Div(new Anchor("workbench/model/" + d.resourceName(), d.resourceName()),
                    new Span(" · " + getTranslation("workbench.draft.state", d.revision(), Formats.dateTime(d.updatedAt()),
                            d.baseVersionId() == null ? getTranslation("workbench.request.newFile") : "#" + d.baseVersionId())));
            card.add(line);
        }
        return card;
    }

    /** Upload a model file and see what Summit's own checks find, element by element; nothing is deployed. */
    private Div checkCard() {
        Div card = new Div(new H3(getTranslation("workbench.check.title")), new Paragraph(getTranslation("workbench.check.intro")));
        card.addClassName("summit-card");
        card.setId("workbench-check");
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        com.vaadin.flow.component.upload.Upload upload = new com.vaadin.flow.component.upload.Upload();
        upload.setId("workbench-check-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD);
        upload.setAcceptedFileTypes(".bpmn", ".dmn", ".form");
        upload.setI18n(com.summit.base.ui.Uploads.i18n(this, getTranslation("workbench.check.drop"), getTranslation("workbench.check.add"),
                getTranslation("workbench.check.tooLarge", MAX_UPLOAD / 1024 / 1024, MAX_UPLOAD / 1024 / 1024),
                getTranslation("workbench.check.wrongType")));
        upload.setUploadHandler((com.vaadin.flow.server.streams.UploadHandler) event -> {
            com.vaadin.flow.component.UI ui = event.getUI();
            String name = event.getFileName();
            byte[] bytes = event.getInputStream().readNBytes(MAX_UPLOAD + 1);
            ui.access(() -> {
                showCheck(name, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                upload.clearFileList();
            });
        });
        upload.addFileRejectedListener(e -> Errors.showText(e.getErrorMessage()));
        checkResult.setId("workbench-check-result");
        card.add(upload, checkResult);
        return card;
    }

    /** What the checks found in an uploaded file. */
    private void showCheck(String fileName, String content) {
        checkResult.removeAll();
        List<WorkbenchService.CheckResult> results;
        try {
            results = workbench.check(fileName, content, user, getLocale());
        } catch (UserFacingException e) {
            Errors.show(this, e);
            return;
        }
        long errors = results.stream().filter(WorkbenchService.CheckResult::error).count();
        Paragraph summary = new Paragraph(results.isEmpty() ? getTranslation("workbench.check.passed", fileName)
                : getTranslation("workbench.check.found", fileName, errors, results.size() - errors));
        summary.setId("workbench-check-summary");
        checkResult.add(summary);
        for (WorkbenchService.CheckResult r : results) {
            Span level = new Span(getTranslation(r.error() ? "workbench.check.errorLabel" : "workbench.check.warningLabel"));
            level.getElement().getThemeList().add(r.error() ? "badge error" : "badge contrast");
            Span where = new Span(r.elementId() == null ? "" : getTranslation("workbench.check.element", r.elementId()));
            where.addClassName("summit-muted");
            Div line = new Div(level, new Span(" "), where, new Span(" "), new Span(r.message()));
            line.addClassName("summit-check-finding");
            line.getStyle().set("margin", "var(--lumo-space-xs) 0");
            checkResult.add(line);
        }
    }

    private static final int MAX_UPLOAD = 2 * 1024 * 1024;

    private String who(String username) {
        return Names.who(this, username, names);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.workbench");
    }
}
