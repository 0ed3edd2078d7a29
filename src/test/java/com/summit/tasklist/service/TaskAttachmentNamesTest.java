package com.summit.tasklist.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.base.UserFacingException;
import org.junit.jupiter.api.Test;

/** An uploaded file keeps its own name, and nothing in it can change how a colleague's browser saves it. */
class TaskAttachmentNamesTest {

    @Test
    void foldersAreDroppedAndTheNameIsKept() {
        assertThat(TaskAttachmentService.cleanName("C:\\Users\\王芳\\合同草案 v3.pdf")).isEqualTo("合同草案 v3.pdf");
        assertThat(TaskAttachmentService.cleanName("/home/zw/报价单.xlsx")).isEqualTo("报价单.xlsx");
    }

    @Test
    void aNameCannotSmuggleAnotherNameOrTypeIntoTheDownload() {
        assertThat(TaskAttachmentService.cleanName("a.html\"; filename*=UTF-8''a.hta; x=\".pdf"))
                .isEqualTo("a.html__ filename*=UTF-8''a.hta_ x=_.pdf".replace("*", "_"));
        // right-to-left override: "invoice\u202Efdp.exe" would show as "invoiceexe.pdf"
        assertThat(TaskAttachmentService.cleanName("invoice\u202Egpj.pdf")).isEqualTo("invoicegpj.pdf");
        assertThat(TaskAttachmentService.cleanName("报价\t单\n.pdf")).isEqualTo("报价单.pdf");
    }

    @Test
    void aLongNameIsCutButKeepsItsExtension() {
        String name = TaskAttachmentService.cleanName("长".repeat(300) + ".docx");
        assertThat(name).hasSize(255).endsWith(".docx");
    }

    @Test
    void aNameWithNothingLeftIsRefused() {
        assertThatThrownBy(() -> TaskAttachmentService.cleanName("C:\\folder\\")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("task.attachment.error.name"));
        assertThatThrownBy(() -> TaskAttachmentService.cleanName(null)).isInstanceOf(UserFacingException.class);
    }
}
