package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.TaskAttachment;
import com.summit.tasklist.domain.TaskEvent;
import com.summit.tasklist.service.TaskAttachmentService;
import com.summit.tasklist.service.TaskOutcome;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Files on tasks: who may attach, read and remove them, and which files are refused with what message. */
class TaskAttachmentsIT extends LocalAppIT {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, '@', 0};

    @Autowired CamundaClient client;
    @Autowired TaskService tasks;
    @Autowired com.summit.tasklist.service.TaskAssignment assignment;
    @Autowired TaskAttachmentService attachments;
    @Autowired UserService users;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;
    @Autowired com.summit.engine.ProcessEngine engine;

    private SummitUser legal;
    private SummitUser finance;
    /** The legal head: sees the legal steps without being their assignee. */
    private SummitUser manager;

    @BeforeEach
    void setUp() {
        legal = users.find("wangfang").orElseThrow();
        finance = users.find("liuyang").orElseThrow();
        manager = users.find("zhoujun").orElseThrow();
        engine.deploy("test-contract-files.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("test-contract-files")
                .startEvent()
                .userTask("Task_ReviewContract", t -> t.name("审查合同文本").zeebeCandidateGroups("LEGAL"))
                .userTask("Task_FileContract", t -> t.name("合同归档").zeebeCandidateGroups("LEGAL"))
                .endEvent()
                .done()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void candidatesAttachAndReadFilesOfTheCaseAndOnlyTheUploaderRemovesThem() {
        long instance = start();
        long taskId = claimableTask(instance, "Task_ReviewContract");

        TaskAttachment contract = attachments.attach(taskId, legal, "C:\\Users\\wf\\合同草案 v3.pdf", PDF);
        assertThat(contract.fileName()).isEqualTo("合同草案 v3.pdf");
        assertThat(contract.contentType()).isEqualTo("application/pdf");
        assertThat(contract.sizeBytes()).isEqualTo(PDF.length);
        TaskAttachment photo = attachments.attach(taskId, manager, "现场照片.PNG", PNG);
        assertRefused(() -> attachments.attach(taskId, manager, "现场照片.PNG", PNG), "“现场照片.PNG”已经上传过了");

        assertThat(attachments.list(taskId, legal)).extracting(TaskAttachment::fileName, TaskAttachment::uploadedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("合同草案 v3.pdf", "wangfang"),
                        org.assertj.core.groups.Tuple.tuple("现场照片.PNG", "zhoujun"));
        assertThat(attachments.download(taskId, contract.id(), manager).content()).isEqualTo(PDF);

        // someone outside the task sees nothing and can change nothing
        assertRefused(() -> attachments.list(taskId, finance), "找不到这项任务。");
        assertRefused(() -> attachments.download(taskId, contract.id(), finance), "找不到这项任务。");
        assertRefused(() -> attachments.attach(taskId, finance, "报价.pdf", PDF), "找不到这项任务。");
        // only the uploader takes a file off; the file stays in the audit trail
        assertRefused(() -> attachments.remove(taskId, contract.id(), manager), "只有上传者可以移除这个附件");
        attachments.remove(taskId, contract.id(), legal);
        assertThat(attachments.list(taskId, legal)).extracting(TaskAttachment::fileName).containsExactly("现场照片.PNG");
        assertThat(jdbc.sql("select removed_by from task_attachment where id = :id").param("id", contract.id()).query(String.class).single())
                .isEqualTo("wangfang");
        assertThat(tasks.history(taskId, legal)).extracting(TaskEvent::type, TaskEvent::target)
                .contains(org.assertj.core.groups.Tuple.tuple(TaskEvent.Type.ATTACHED, "合同草案 v3.pdf"),
                        org.assertj.core.groups.Tuple.tuple(TaskEvent.Type.REMOVED_ATTACHMENT, "合同草案 v3.pdf"));

        // the next step of the case shows the same files; the finished step's files can no longer change
        assignment.claim(taskId, legal);
        assertThat(tasks.complete(taskId, legal, "{}", Locales.ZH_CN)).isEqualTo(TaskOutcome.COMPLETED);
        long next = claimableTask(instance, "Task_FileContract");
        assertThat(attachments.list(next, legal)).extracting(TaskAttachment::fileName, TaskAttachment::taskName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("现场照片.PNG", "审查合同文本"));
        assertRefused(() -> attachments.attach(taskId, legal, "补充.pdf", PDF), "任务已结束，不能再修改附件");
        // not through the next step either: the photo belongs to the finished review
        assertRefused(() -> attachments.remove(next, photo.id(), manager), "任务已结束，不能再修改附件");
        assertThat(attachments.list(next, legal)).extracting(TaskAttachment::fileName).containsExactly("现场照片.PNG");
    }

    @Test
    void filesThatBreakTheRulesAreRefusedInChineseAndNothingIsStored() {
        long taskId = claimableTask(start(), "Task_ReviewContract");
        long before = count();

        assertRefused(() -> attachments.attach(taskId, legal, "setup.exe", EXE), "“setup.exe”的类型不允许。允许的类型：PDF, DOC, DOCX, XLS, XLSX, PPT, PPTX, PNG, JPG, JPEG, TXT, CSV");
        assertRefused(() -> attachments.attach(taskId, legal, "报价单.pdf", EXE), "“报价单.pdf”的内容不是 PDF 文件，与扩展名不符");
        assertRefused(() -> attachments.attach(taskId, legal, "截图.png", PDF), "“截图.png”的内容不是 PNG 文件，与扩展名不符");
        assertRefused(() -> attachments.attach(taskId, legal, "空白.pdf", new byte[0]), "“空白.pdf”是空文件");
        byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        assertRefused(() -> attachments.attach(taskId, legal, "扫描件.pdf", big), "“扫描件.pdf”太大：每个文件最大 10 MB");
        assertRefused(() -> attachments.attach(taskId, legal, "/", PDF), "文件名无效");

        assertThat(count()).isEqualTo(before);
        assertThat(attachments.list(taskId, legal)).isEmpty();
        // exactly at the limit is fine
        assertThat(attachments.attach(taskId, legal, "扫描件.pdf", Arrays.copyOf(PDF, 10 * 1024 * 1024)).sizeBytes()).isEqualTo(10 * 1024 * 1024);
    }

    private long count() {
        return jdbc.sql("select count(*) from task_attachment").query(Long.class).single();
    }

    private long start() {
        return client.newCreateInstanceCommand().bpmnProcessId("test-contract-files").latestVersion()
                .variables(Map.of("customerName", "测试客户")).send().join().getProcessInstanceKey();
    }

    private long claimableTask(long instance, String elementId) {
        TaskRow row = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.claimable(legal, Locales.ZH_CN).stream()
                .filter(r -> r.task().processInstanceKey() == instance && r.task().elementId().equals(elementId))
                .findFirst().orElse(null), r -> r != null);
        return row.task().id();
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo(message));
    }
}
