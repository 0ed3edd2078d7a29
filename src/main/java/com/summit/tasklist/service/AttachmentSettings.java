package com.summit.tasklist.service;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What may be attached to a task: the largest file, and the allowed file types by extension. A file's content
 * must also be what its extension says (a program renamed to .pdf is refused).
 */
@ConfigurationProperties("summit.attachments")
public record AttachmentSettings(DataSize maxSize, List<String> allowedExtensions) {

    public AttachmentSettings {
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
        allowedExtensions = allowedExtensions == null || allowedExtensions.isEmpty()
                ? List.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "png", "jpg", "jpeg", "txt", "csv")
                : allowedExtensions.stream().map(e -> e.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("^\\.", "")).toList();
    }
}
