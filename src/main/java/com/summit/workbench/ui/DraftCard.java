package com.summit.workbench.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.base.ui.Uploads;
import com.summit.security.domain.SummitUser;
import com.summit.workbench.service.ModelChanges;
import com.summit.workbench.service.ModelDrafts;
import com.summit.workbench.service.WorkbenchService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The owner's own draft of a model file: private until proposed. Start it from the current version or from a file,
 * replace it with a file, download it, throw it away, or propose it. A draft begun on a version that is no longer
 * current says so, and who else is drafting the same file is named.
 */
class DraftCard extends Div {

    private static final int MAX_UPLOAD = 2 * 1024 * 1024;

    private final transient ModelDrafts drafts;
    private final transient SummitUser user;
    private final String resourceName;
    private final transient Runnable refresh;
    private final Div impactArea = new Div();

    DraftCard(ModelDrafts drafts, ModelChanges changes, com.summit.workbench.service.ImpactPreview impacts, SummitUser user, String resourceName,
            Map<String, String> names, Runnable refresh) {
        this.drafts = drafts;
        this.user = user;
        this.resourceName = resourceName;
        this.refresh = refresh;
        addClassName("summit-card");
        setId("model-draft");
        setWidthFull();
        getStyle().set("box-sizing", "border-box");
        add(new H3(getTranslation("workbench.draft")));
        ModelDrafts.Opened opened;
        try {
            opened = drafts.open(resourceName, user);
        } catch (UserFacingException e) {
            add(new Paragraph(Errors.text(this, e)));
            return;
        }
        if (!opened.others().isEmpty()) {
            Paragraph others = new Paragraph(getTranslation("workbench.draft.others",
                    String.join("、", opened.others().stream().map(o -> Names.who(this, o, names)).toList())));
            others.setId("model-draft-others");
            others.addClassName("summit-muted");
            add(others);
        }
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.getStyle().set("flex-wrap", "wrap");
        if (opened.revision() == 0) {
            add(new Paragraph(getTranslation("workbench.draft.none.text")));
            Button start = new Button(getTranslation("workbench.draft.start"), VaadinIcon.EDIT.create(), e -> act(() ->
                    drafts.save(resourceName, opened.content(), 0, user)));
            start.setId("model-draft-start");
            actions.add(start);
        } else {
            var draft = drafts.find(resourceName, user).orElseThrow();
            Paragraph state = new Paragraph(getTranslation("workbench.draft.state", draft.revision(), Formats.dateTime(draft.updatedAt()),
                    opened.base() == null ? "—" : "v" + opened.base().version()));
            state.setId("model-draft-state");
            add(state);
            if (opened.stale()) {
                Paragraph stale = new Paragraph(getTranslation("workbench.draft.stale", opened.current().version(),
                        Names.who(this, opened.current().deployedBy(), names)));
                stale.setId("model-draft-stale");
                stale.addClassName("summit-warning");
                Button rebase = new Button(getTranslation("workbench.draft.rebase", opened.current().version()), e -> act(() ->
                        drafts.rebase(resourceName, opened.revision(), user)));
                rebase.setId("model-draft-rebase");
                add(stale, rebase);
            }
            Anchor file = new Anchor(Downloads.of(() -> new WorkbenchService.Download(resourceName,
                    resourceName.endsWith(".form") ? "application/json" : "application/xml", opened.content().getBytes(StandardCharsets.UTF_8))), "");
            file.add(new Button(getTranslation("workbench.draft.download"), VaadinIcon.DOWNLOAD_ALT.create()));
            file.getElement().setAttribute("download", true);
            ModelEditor editor = new ModelEditor(resourceName.substring(resourceName.lastIndexOf('.') + 1), opened.content());
            editor.setId("model-editor");
            Div lint = new Div();
            lint.setId("model-lint");
            Button propose = new Button(getTranslation("workbench.propose"), VaadinIcon.PAPERPLANE.create(), e -> saveThen(editor, opened, () ->
                    new ProposeDialog(getTranslation("workbench.propose.title", resourceName),
                            (comment, tag, ack) -> changes.propose(resourceName, comment, tag, ack, user)).open()));
            Button save = new Button(getTranslation("workbench.draft.save"), VaadinIcon.CHECK.create(), e -> saveThen(editor, opened, refresh));
            save.setId("model-draft-save");
            editor.onLint(json -> showLint(lint, editor, json, propose));
            Div summitChecks = new Div();
            summitChecks.setId("model-summit-checks");
            Button check = new Button(getTranslation("workbench.draft.check"), VaadinIcon.CHECK_SQUARE_O.create(), e -> editor.content(content -> {
                summitChecks.removeAll();
                try {
                    var findings = changes.check(resourceName, content, user);
                    summitChecks.add(new Paragraph(findings.isEmpty() ? getTranslation("workbench.check.clean")
                            : getTranslation("workbench.check.found", resourceName, findings.stream()
                                    .filter(f -> f.severity() == com.summit.workbench.service.ModelChecks.Severity.ERROR).count(),
                                    findings.stream().filter(f -> f.severity() != com.summit.workbench.service.ModelChecks.Severity.ERROR).count())),
                            new Findings(findings, editor::select));
                } catch (UserFacingException ex) {
                    summitChecks.add(new Paragraph(Errors.text(this, ex)));
                }
            }));
            check.setId("model-draft-check");
            add(editor, lint, summitChecks);
            actions.add(save, check);
            propose.setId("model-draft-propose");
            propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button discard = new Button(getTranslation("workbench.draft.discard"), VaadinIcon.TRASH.create(), e -> act(() -> {
                drafts.discard(resourceName, user);
                return null;
            }));
            discard.setId("model-draft-discard");
            discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(propose, file, discard);
            if (resourceName.endsWith(".dmn")) {
                Div impact = impactArea;
                Button preview = new Button(getTranslation("workbench.impact.run"), VaadinIcon.CHART.create(), e -> {
                    impact.removeAll();
                    try {
                        impact.add(new ImpactCard(impacts.preview(resourceName, opened.content(), user, getLocale())));
                    } catch (UserFacingException ex) {
                        impact.add(new Paragraph(Errors.text(this, ex)));
                    }
                });
                preview.setId("model-draft-impact");
                actions.add(preview);
            }
        }
        impactArea.setWidthFull();
        add(actions, upload(opened.revision()), impactArea);
    }

    /** A file replaces the draft's content (or begins it): saved on the revision this page opened. */
    private Upload upload(int revision) {
        Upload upload = new Upload();
        upload.setId("model-draft-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD);
        String ext = resourceName.substring(resourceName.lastIndexOf('.'));
        upload.setAcceptedFileTypes(ext);
        upload.setI18n(Uploads.i18n(this, getTranslation("workbench.draft.drop", ext), getTranslation("workbench.draft.add"),
                getTranslation("workbench.check.tooLarge", MAX_UPLOAD / 1024 / 1024, MAX_UPLOAD / 1024 / 1024),
                getTranslation("workbench.draft.wrongType", ext)));
        upload.setUploadHandler((UploadHandler) event -> {
            UI ui = event.getUI();
            byte[] bytes = event.getInputStream().readNBytes(MAX_UPLOAD + 1);
            ui.access(() -> act(() -> drafts.save(resourceName, new String(bytes, StandardCharsets.UTF_8), revision, user)));
        });
        upload.addFileRejectedListener(e -> Errors.showText(e.getErrorMessage()));
        return upload;
    }

    /** Saves what the editor holds, if it changed, then goes on; a refused save says why and stops. */
    private void saveThen(ModelEditor editor, ModelDrafts.Opened opened, Runnable next) {
        editor.content(content -> {
            if (content == null || content.equals(opened.content())) {
                next.run();
                return;
            }
            try {
                drafts.save(resourceName, content, opened.revision(), user);
                Errors.success(getTranslation("workbench.draft.saved"));
                refresh.run();
                if (next != refresh) {
                    next.run();
                }
            } catch (UserFacingException e) {
                Errors.show(this, e);
            }
        });
    }

    /**
     * What Camunda's linter finds, by element: clicking a line selects the element in the editor. An error keeps the
     * change from being proposed.
     */
    private void showLint(Div lint, ModelEditor editor, String json, Button propose) {
        lint.removeAll();
        elemental.json.JsonArray findings = (elemental.json.JsonArray) elemental.json.Json.instance().parse(json);
        int errors = 0;
        for (int i = 0; i < findings.length(); i++) {
            elemental.json.JsonObject f = findings.getObject(i);
            boolean error = "error".equals(f.getString("category"));
            errors += error ? 1 : 0;
            String rule = f.hasKey("rule") ? f.getString("rule") : "";
            String id = f.hasKey("id") ? f.getString("id") : "";
            String text = getTranslation("lint.rule." + rule.replace("camunda-compat/", "").replaceAll("[^A-Za-z0-9-]", ""));
            if (text.startsWith("!")) {
                text = f.getString("message");
            }
            com.vaadin.flow.component.html.Span level = new com.vaadin.flow.component.html.Span(getTranslation(error ? "workbench.check.errorLabel"
                    : "workbench.check.warningLabel"));
            level.getElement().getThemeList().add(error ? "badge error" : "badge contrast");
            Button where = new Button(getTranslation("workbench.check.element", id), e -> editor.select(id));
            where.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            Div line = new Div(level, where, new com.vaadin.flow.component.html.Span(" " + text));
            line.addClassName("summit-lint-finding");
            line.getElement().setAttribute("data-element", id);
            lint.add(line);
        }
        Paragraph summary = new Paragraph(findings.length() == 0 ? getTranslation("workbench.lint.clean")
                : getTranslation("workbench.lint.found", errors, findings.length() - errors));
        summary.setId("model-lint-summary");
        lint.addComponentAsFirst(summary);
        propose.setEnabled(errors == 0);
        propose.getElement().setAttribute("title", errors == 0 ? "" : getTranslation("workbench.lint.blocks"));
    }

    private void act(java.util.function.Supplier<?> action) {
        try {
            action.get();
            refresh.run();
        } catch (UserFacingException e) {
            Errors.show(this, e);
        }
    }
}
