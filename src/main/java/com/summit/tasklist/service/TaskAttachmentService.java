package com.summit.tasklist.service;

import com.summit.base.UserFacingException;
import com.summit.security.domain.SummitUser;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.domain.HumanTaskRepository;
import com.summit.tasklist.domain.TaskAttachment;
import com.summit.tasklist.domain.TaskAttachmentRepository;
import com.summit.tasklist.domain.TaskEvent;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.tika.Tika;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files on a task. Whoever may see the task may attach a file while the task is open and read the files of
 * its case; only the uploader may take a file off again, and the row stays for the audit trail. The browser's
 * checks are a convenience: size, file type and content are checked here.
 */
@Service
public class TaskAttachmentService {

    public static final int FILE_NAME_MAX = 255;

    private final HumanTaskRepository tasks;
    private final TaskAttachmentRepository attachments;
    private final AttachmentSettings settings;
    private final Tika tika = new Tika();

    private final TaskAccess access;

    TaskAttachmentService(HumanTaskRepository tasks, TaskAttachmentRepository attachments, AttachmentSettings settings, TaskAccess access) {
        this.access = access;
        this.tasks = tasks;
        this.attachments = attachments;
        this.settings = settings;
    }

    public AttachmentSettings settings() {
        return settings;
    }

    /** Stores a file on an open task the user may see; refuses it, with the reason, when it breaks a rule. */
    @Transactional
    public TaskAttachment attach(long taskId, SummitUser user, String originalName, byte[] content) {
        HumanTask task = visibleTask(taskId, user);
        if (!task.isOpen()) {
            throw new UserFacingException("task.attachment.error.closed");
        }
        String name = cleanName(originalName);
        if (content == null || content.length == 0) {
            throw new UserFacingException("task.attachment.error.empty", name);
        }
        if (content.length > settings.maxSize().toBytes()) {
            throw new UserFacingException("task.attachment.error.tooLarge", name, settings.maxSize().toMegabytes());
        }
        String extension = extension(name);
        if (!settings.allowedExtensions().contains(extension)) {
            throw new UserFacingException("task.attachment.error.type", name, allowedList());
        }
        // What the name promises and what the first bytes are must agree (Tika's magic numbers and name globs).
        String byName = tika.detect(name);
        String byContent = tika.detect(content, name);
        if (!byName.equals(byContent)) {
            throw new UserFacingException("task.attachment.error.content", name, extension.toUpperCase(Locale.ROOT));
        }
        String sha256 = sha256(content);
        if (attachments.ofInstance(task).stream().anyMatch(a -> a.sha256().equals(sha256) && a.fileName().equals(name))) {
            throw new UserFacingException("task.attachment.error.duplicate", name);
        }
        long id = attachments.insert(task, name, byContent, content, sha256, user.username());
        tasks.addEvent(task, TaskEvent.Type.ATTACHED, user.username(), name);
        return attachments.findById(id).orElseThrow();
    }

    /** The files of the task's case, for anyone who may see the task. */
    public List<TaskAttachment> list(long taskId, SummitUser user) {
        return attachments.ofInstance(visibleTask(taskId, user));
    }

    /** A file of the task's case, with its content, for anyone who may see the task. */
    public Download download(long taskId, long attachmentId, SummitUser user) {
        HumanTask task = visibleTask(taskId, user);
        TaskAttachment attachment = attachments.ofInstance(task).stream().filter(a -> a.id() == attachmentId).findFirst()
                .orElseThrow(() -> new UserFacingException("task.attachment.error.notFound"));
        return new Download(attachment, attachments.content(attachmentId), safe(attachment.fileName()));
    }

    /** A file's content, with the name to send it under. */
    public record Download(TaskAttachment attachment, byte[] content, String fileName) {
        public ByteArrayInputStream stream() {
            return new ByteArrayInputStream(content);
        }
    }

    /** The uploader takes their file off while the task is open. */
    @Transactional
    public void remove(long taskId, long attachmentId, SummitUser user) {
        HumanTask task = visibleTask(taskId, user);
        TaskAttachment attachment = attachments.ofInstance(task).stream().filter(a -> a.id() == attachmentId).findFirst()
                .orElseThrow(() -> new UserFacingException("task.attachment.error.notFound"));
        if (!attachment.uploadedBy().equals(user.username())) {
            throw new UserFacingException("task.attachment.error.notYours");
        }
        // a file stays with the step it was attached to: once that step is done, it is part of the record
        if (attachment.taskId() != task.id() || !task.isOpen()) {
            throw new UserFacingException("task.attachment.error.closed");
        }
        if (attachments.markRemoved(attachmentId, user.username()) == 0) {
            throw new UserFacingException("task.attachment.error.notFound");
        }
        tasks.addEvent(task, TaskEvent.Type.REMOVED_ATTACHMENT, user.username(), attachment.fileName());
    }

    /** The allowed types for messages and the upload button, e.g. "PDF, DOCX, PNG". */
    public String allowedList() {
        return String.join(", ", settings.allowedExtensions().stream().map(e -> e.toUpperCase(Locale.ROOT)).toList());
    }

    private HumanTask visibleTask(long taskId, SummitUser user) {
        HumanTask task = tasks.findById(taskId).orElseThrow(() -> new UserFacingException("task.error.notFound"));
        if (!access.maySee(task, user)) {
            throw new UserFacingException("task.error.notFound");
        }
        return task;
    }

    /** The file's own name: no folders a browser may send along, no control characters, at most 255 characters. */
    static String cleanName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = safe(name).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new UserFacingException("task.attachment.error.name");
        }
        if (name.length() > FILE_NAME_MAX) {
            String extension = extension(name);
            int keep = FILE_NAME_MAX - extension.length() - 1;
            name = extension.isEmpty() || keep < 1 ? name.substring(0, FILE_NAME_MAX) : name.substring(0, keep) + "." + extension;
        }
        return name;
    }

    /**
     * A name that can go into a download's Content-Disposition header and onto any disk as it is: no control
     * or invisible formatting characters (no right-to-left tricks), and none of {@code " \\ ; : * ? < > |}.
     */
    static String safe(String name) {
        return name.replaceAll("\\p{Cntrl}|\\p{Cf}", "").replaceAll("[\"\\\\;:*?<>|]", "_");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
