package com.summit.customer.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Cards;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.customer.service.CustomerImport;
import com.summit.customer.service.ImportKind;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 导入: customers, contacts or monthly revenue from an Excel or CSV file. The file is previewed first, every row with
 * what it will do or why it can't be imported; the user then imports the valid rows or the whole file.
 */
@Route("customers/import")
@RolesAllowed({"REP", "MANAGER", "ADMIN"})
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    private final transient CustomerImport imports;
    private final transient SummitUser user;
    private final Select<ImportKind> kind = new Select<>();
    private final Checkbox updateExisting = new Checkbox();
    private final Span help = new Span();
    private final Div previewBox = new Div();
    private final Div resultBox = new Div();
    private final Div recentBox = new Div();
    private final Upload upload = new Upload();
    private final Anchor template = new Anchor();
    private String fileName;
    private byte[] content;
    private transient CustomerImport.Preview preview;

    public ImportView(CustomerImport imports, CurrentUser currentUser) {
        this.imports = imports;
        this.user = currentUser.require();
        addClassName("summit-page");
        Button back = new Button(getTranslation("customer.page.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(CustomersView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        H2 title = new H2(getTranslation("import.title"));
        title.getStyle().set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(back, title);
        header.setAlignItems(Alignment.CENTER);

        kind.setLabel(getTranslation("import.kind"));
        kind.setItems(ImportKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(ImportKind.CUSTOMERS);
        kind.setId("import-kind");
        kind.addValueChangeListener(e -> {
            setTemplate();
            help.setText(getTranslation("import.kindHelp." + e.getValue().name()));
            reload();
        });
        template.setId("import-template");
        template.getStyle().set("align-self", "flex-end").set("margin-bottom", "var(--lumo-space-s)");
        setTemplate();
        help.setText(getTranslation("import.kindHelp." + ImportKind.CUSTOMERS.name()));
        help.addClassName("summit-muted");
        help.setId("import-help");
        updateExisting.setLabel(getTranslation("import.updateExisting"));
        updateExisting.setId("import-update-existing");
        updateExisting.addValueChangeListener(e -> reload());

        upload.setUploadHandler((UploadHandler) event -> {
            UI ui = event.getUI();
            String name = event.getFileName();
            byte[] bytes = event.getInputStream().readNBytes(CustomerImport.MAX_MEGABYTES * 1024 * 1024 + 1);
            ui.access(() -> {
                load(name, bytes);
                upload.clearFileList();
            });
        });
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CustomerImport.MAX_MEGABYTES * 1024 * 1024);
        upload.setAcceptedFileTypes(".xlsx", ".xls", ".csv", "text/csv", "application/vnd.ms-excel",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setI18n(uploadI18n());
        upload.addFileRejectedListener(e -> Errors.showText(e.getErrorMessage()));
        upload.setId("import-upload");
        upload.setWidthFull();

        Div setup = Cards.card("import-setup", null);
        HorizontalLayout kindRow = new HorizontalLayout(kind, template);
        kindRow.setAlignItems(Alignment.END);
        setup.add(kindRow, new Div(help), new Div(updateExisting), upload);
        previewBox.setId("import-preview");
        previewBox.setWidthFull();
        resultBox.setId("import-result");
        resultBox.setWidthFull();
        recentBox.setWidthFull();
        add(header, setup, resultBox, previewBox, recentBox);
        showRecent();
    }

    private void setTemplate() {
        ImportKind k = kind.getValue();
        var locale = getLocale();
        template.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] file = imports.template(k, locale);
            return new DownloadResponse(new ByteArrayInputStream(file), "template-" + k.name().toLowerCase(java.util.Locale.ROOT) + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.length);
        }), AttachmentType.DOWNLOAD);
        template.setText(getTranslation("import.template"));
    }

    /** A file arrived: preview it. */
    void load(String name, byte[] bytes) {
        this.fileName = name;
        this.content = bytes;
        resultBox.removeAll();
        reload();
    }

    private void reload() {
        previewBox.removeAll();
        preview = null;
        if (content == null) {
            return;
        }
        try {
            preview = imports.preview(kind.getValue(), fileName, content, updateExisting.getValue(), user);
        } catch (UserFacingException e) {
            Div box = new Div(new Span(Errors.text(this, e)));
            box.addClassName("summit-errors");
            box.setId("import-file-error");
            previewBox.add(box);
            return;
        }
        renderPreview();
    }

    private void renderPreview() {
        Div card = Cards.card("import-preview-card", null);
        Span file = new Span(getTranslation("import.file", fileName, preview.format().toUpperCase(java.util.Locale.ROOT)));
        file.addClassName("summit-muted");
        card.add(new Div(file));
        if (!preview.readOnlyColumns().isEmpty()) {
            card.add(note("import-readonly", getTranslation("import.readOnly", String.join("、", preview.readOnlyColumns())), false));
        }
        if (!preview.unknownHeaders().isEmpty()) {
            card.add(note("import-unknown", getTranslation("import.unknown", String.join("、", preview.unknownHeaders())), false));
        }
        if (preview.refused()) {
            String missing = preview.missingColumns().stream().map(c -> imports.header(preview.kind(), c, getLocale())).collect(Collectors.joining("、"));
            Div box = new Div(new Span(getTranslation("import.missing", missing)));
            box.addClassName("summit-errors");
            box.setId("import-missing");
            card.add(box);
            previewBox.add(card);
            return;
        }
        long errors = preview.count(CustomerImport.Action.ERROR);
        Span summary = new Span(getTranslation("import.summary", preview.rows().size(), preview.count(CustomerImport.Action.CREATE),
                preview.count(CustomerImport.Action.UPDATE), errors));
        summary.setId("import-summary");
        summary.getStyle().set("font-weight", "600");
        card.add(new Div(summary));

        Grid<CustomerImport.RowResult> grid = rowsGrid("import-rows");
        Checkbox onlyProblems = new Checkbox(getTranslation("import.onlyProblems"));
        onlyProblems.setId("import-only-problems");
        onlyProblems.setValue(errors > 0);
        onlyProblems.addValueChangeListener(e -> show(grid, rows(e.getValue())));
        show(grid, rows(onlyProblems.getValue()));

        RadioButtonGroup<CustomerImport.Mode> mode = new RadioButtonGroup<>(getTranslation("import.mode"));
        mode.setItems(CustomerImport.Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("import.mode." + m.name()));
        mode.setValue(CustomerImport.Mode.VALID_ROWS);
        mode.setId("import-mode");
        Button commit = new Button(getTranslation("import.commit"), VaadinIcon.CHECK.create(), e -> commit(mode.getValue()));
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.setId("import-commit");
        commit.setEnabled(preview.count(CustomerImport.Action.CREATE) + preview.count(CustomerImport.Action.UPDATE) > 0);
        HorizontalLayout actions = new HorizontalLayout(mode, commit);
        actions.setAlignItems(Alignment.END);
        actions.getStyle().set("flex-wrap", "wrap");
        card.add(actions, onlyProblems, grid);
        previewBox.add(card);
    }

    private List<CustomerImport.RowResult> rows(boolean onlyProblems) {
        return onlyProblems ? preview.rows().stream().filter(r -> r.action() == CustomerImport.Action.ERROR).toList() : preview.rows();
    }

    private Grid<CustomerImport.RowResult> rowsGrid(String id) {
        Grid<CustomerImport.RowResult> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(CustomerImport.RowResult::line).setHeader(getTranslation("import.col.line")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Span badge = new Span(getTranslation("import.action." + r.action().name()));
            badge.getElement().getThemeList().add(switch (r.action()) {
                case CREATE -> "badge success";
                case UPDATE -> "badge";
                case ERROR -> "badge error";
            });
            return badge;
        }).setHeader(getTranslation("import.col.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.values().values().stream().filter(v -> v != null && !v.isBlank()).collect(Collectors.joining(" · ")))
                .setHeader(getTranslation("import.col.row")).setFlexGrow(2);
        grid.addColumn(r -> r.problems().stream().map(p -> imports.text(p, getLocale())).collect(Collectors.joining(getTranslation("common.clauseSeparator"))))
                .setHeader(getTranslation("import.col.problems")).setFlexGrow(3);
        return grid;
    }

    /** A short list shows whole; a long one scrolls in a box of its own. */
    private static void show(Grid<CustomerImport.RowResult> grid, List<CustomerImport.RowResult> rows) {
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 12);
        grid.setHeight(rows.size() <= 12 ? null : "420px");
    }

    private void commit(CustomerImport.Mode mode) {
        if (preview == null) {
            return;
        }
        if (mode == CustomerImport.Mode.WHOLE_FILE && !preview.allValid()) {
            Errors.showText(getTranslation("import.commit.blocked", preview.count(CustomerImport.Action.ERROR)));
            return;
        }
        CustomerImport.Result result;
        try {
            result = imports.commit(preview, mode, user);
        } catch (UserFacingException e) {
            Errors.show(this, e);
            return;
        }
        previewBox.removeAll();
        content = null;
        preview = null;
        resultBox.removeAll();
        Div card = Cards.card("import-result-card", null);
        Span text = new Span(getTranslation("import.result." + result.status().name(), result.created(), result.updated(), result.rejected(),
                result.failed()));
        text.setId("import-result-text");
        text.getStyle().set("font-weight", "600").set("color", result.status() == CustomerImport.Status.COMPLETED
                ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        card.add(new Div(text));
        if (!result.notImported().isEmpty()) {
            Grid<CustomerImport.RowResult> grid = rowsGrid("import-not-imported");
            show(grid, result.notImported());
            card.add(grid);
        }
        resultBox.add(card);
        if (result.status() == CustomerImport.Status.COMPLETED) {
            Errors.success(text.getText());
        }
        showRecent();
    }

    private void showRecent() {
        recentBox.removeAll();
        var runs = imports.recent(user);
        if (runs.isEmpty()) {
            return;
        }
        Div card = Cards.card("import-recent", getTranslation("import.recent"));
        UnorderedList list = new UnorderedList();
        list.addClassName("summit-timeline");
        for (var run : runs) {
            list.add(new ListItem(getTranslation("import.recent.line", Formats.dateTime(run.createdAt()), getTranslation("import.kind." + run.kind()),
                    run.fileName(), getTranslation("import.status." + run.status()), run.created(), run.updated(), run.rejected() + run.failed())));
        }
        card.add(list);
        recentBox.add(card);
    }

    private Div note(String id, String text, boolean error) {
        Div box = new Div(new Span(text));
        box.setId(id);
        box.addClassName("summit-muted");
        box.getStyle().set("font-size", "var(--lumo-font-size-s)");
        if (error) {
            box.addClassName("summit-errors");
        }
        return box;
    }

    private UploadI18N uploadI18n() {
        return com.summit.base.ui.Uploads.i18n(this, getTranslation("import.upload.drop"), getTranslation("import.upload.add"),
                getTranslation("import.error.tooBig", CustomerImport.MAX_MEGABYTES), getTranslation("import.error.notSpreadsheet"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title");
    }
}
