package com.summit.workbench.ui;

import com.summit.base.UserFacingException;
import com.summit.workbench.service.WorkbenchService;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** A workbench file served when its link is clicked; a refusal of the service is a 403. */
final class Downloads {

    private Downloads() {}

    static DownloadHandler of(Supplier<WorkbenchService.Download> file) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                WorkbenchService.Download d = file.get();
                return new DownloadResponse(new ByteArrayInputStream(d.bytes()), d.fileName(), d.contentType(), d.bytes().length);
            } catch (UserFacingException e) {
                return DownloadResponse.error(403);
            }
        });
    }
}
