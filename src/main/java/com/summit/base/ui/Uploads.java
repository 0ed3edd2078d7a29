package com.summit.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/** The upload box's own texts in the reader's language, with the page's words for what to drop and what is refused. */
public final class Uploads {

    private Uploads() {}

    public static UploadI18N i18n(Component page, String drop, String add, String tooBig, String wrongType) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(drop).setMany(drop));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(add).setMany(add));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(page.getTranslation("upload.error.tooMany"))
                .setFileIsTooBig(tooBig).setIncorrectFileType(wrongType));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(page.getTranslation("upload.status.connecting"))
                        .setStalled(page.getTranslation("upload.status.stalled")).setProcessing(page.getTranslation("upload.status.processing"))
                        .setHeld(page.getTranslation("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(page.getTranslation("upload.remaining"))
                        .setUnknown(page.getTranslation("upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(page.getTranslation("upload.error.server"))
                        .setUnexpectedServerError(page.getTranslation("upload.error.server"))
                        .setForbidden(page.getTranslation("upload.error.forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(page.getTranslation("upload.file.retry")).setStart(page.getTranslation("upload.file.start"))
                .setRemove(page.getTranslation("upload.file.remove")));
        i18n.setUnits(List.of("B", "KB", "MB", "GB", "TB"));
        return i18n;
    }
}
