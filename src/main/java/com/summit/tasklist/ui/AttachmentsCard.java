package com.summit.tasklist.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.security.domain.SummitUser;
import com.summit.tasklist.domain.TaskAttachment;
import com.summit.tasklist.service.TaskAttachmentService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.Map;

/**
 * The files of a task's case: download links for whoever may see the task, an upload while it is open, and
 * "remove" for the uploader. The upload reads at most one byte more than the limit, so an oversized file costs
 * no more memory than an allowed one; every rule is checked by {@link TaskAttachmentService}.
 */
class AttachmentsCard extends Div {

    private final transient TaskAttachmentService attachments;
    private final transient SummitUser user;
    private final long taskId;
    private final boolean open;
    private final transient Map<String, String> names;
    private final Div list = new Div();

    AttachmentsCard(TaskAttachmentService attachments, SummitUser user, long taskId, boolean open, Map<String, String> names) {
        this.attachments = attachments;
        this.user = user;
        this.taskId = taskId;
        this.open = open;
        this.names = names;
        addClassNames("summit-card", "summit-context");
        setId("task-attachments");
        add(new H3(getTranslation("task.attachments")), list);
        list.setId("task-attachment-list");
        refresh();
        if (open) {
            add(upload());
        }
    }

    private void refresh() {
        list.removeAll();
        List<TaskAttachment> files = attachments.list(taskId, user);
        if (files.isEmpty()) {
            Span none = new Span(getTranslation("task.attachments.empty"));
            none.addClassName("summit-muted");
            list.add(none);
        }
        for (TaskAttachment file : files) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
                try {
                    TaskAttachmentService.Download download = attachments.download(taskId, file.id(), user);
                    return new DownloadResponse(download.stream(), download.fileName(),
                            download.attachment().contentType(), download.content().length);
                } catch (UserFacingException e) {
                    return DownloadResponse.error(404);
                }
            }), AttachmentType.DOWNLOAD, file.fileName());
            link.addClassName("summit-attachment-link");
            Span meta = new Span(getTranslation("task.attachment.meta", Formats.fileSize(file.sizeBytes()),
                    names.getOrDefault(file.uploadedBy(), file.uploadedBy()), Formats.dateTime(file.uploadedAt()), file.taskName()));
            meta.addClassName("summit-muted");
            meta.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("display", "block");
            Div item = new Div(VaadinIcon.FILE_O.create(), link, meta);
            item.addClassName("summit-attachment");
            item.getStyle().set("margin-bottom", "var(--lumo-space-s)");
            if (open && file.taskId() == taskId && file.uploadedBy().equals(user.username())) {
                Button remove = new Button(getTranslation("task.attachment.remove"), e -> {
                    try {
                        attachments.remove(taskId, file.id(), user);
                        Errors.success(getTranslation("task.attachment.removed", file.fileName()));
                    } catch (UserFacingException ex) {
                        Errors.show(this, ex);
                    }
                    refresh();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                remove.getStyle().set("margin-left", "var(--lumo-space-s)");
                item.addComponentAtIndex(2, remove);
            }
            list.add(item);
        }
    }

    private Div upload() {
        long max = attachments.settings().maxSize().toBytes();
        Upload upload = new Upload();
        upload.setUploadHandler((UploadHandler) event -> {
            UI ui = event.getUI();
            String name = event.getFileName();
            byte[] content = event.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            ui.access(() -> {
                try {
                    TaskAttachment stored = attachments.attach(taskId, user, name, content);
                    Errors.success(getTranslation("task.attachment.added", stored.fileName()));
                } catch (UserFacingException e) {
                    Errors.show(this, e);
                }
                upload.clearFileList();
                refresh();
            });
        });
        upload.setMaxFiles(5);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        upload.setAcceptedFileTypes(attachments.settings().allowedExtensions().stream().map(e -> "." + e).toArray(String[]::new));
        upload.setI18n(i18n());
        upload.setWidthFull();
        upload.setId("task-upload");
        upload.addFileRejectedListener(e -> Errors.showText(e.getErrorMessage()));
        Span rules = new Span(getTranslation("task.attachment.rules", attachments.settings().maxSize().toMegabytes(), attachments.allowedList()));
        rules.addClassName("summit-muted");
        rules.getStyle().set("font-size", "var(--lumo-font-size-xs)");
        return new Div(upload, rules);
    }

    private UploadI18N i18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t("upload.drop.one")).setMany(t("upload.drop.many")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t("upload.add.one")).setMany(t("upload.add.many")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t("upload.error.tooMany"))
                .setFileIsTooBig(getTranslation("upload.error.tooBig", attachments.settings().maxSize().toMegabytes()))
                .setIncorrectFileType(getTranslation("upload.error.type", attachments.allowedList())));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t("upload.status.connecting"))
                        .setStalled(t("upload.status.stalled")).setProcessing(t("upload.status.processing")).setHeld(t("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t("upload.remaining")).setUnknown(t("upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t("upload.error.server"))
                        .setUnexpectedServerError(t("upload.error.server")).setForbidden(t("upload.error.forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(t("upload.file.retry")).setStart(t("upload.file.start")).setRemove(t("upload.file.remove")));
        i18n.setUnits(List.of("B", "KB", "MB", "GB", "TB"));
        return i18n;
    }

    private String t(String key) {
        return getTranslation(key);
    }
}
