package com.summit.customer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.base.UserFacingException;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Spreadsheets read as the user made them, and too large a sheet refused while it is read. */
class SheetReaderTest {

    @Test
    void aOneLineGbkCsvIsReadAsGbk() {
        byte[] gbk = "客户名称,统一社会信用代码\n华东家电集团,\n".getBytes(Charset.forName("GBK"));
        SheetReader.Table table = new SheetReader(100).read(gbk);
        assertThat(table.format()).isEqualTo("csv/GB18030");
        assertThat(table.header()).containsExactly("客户名称", "统一社会信用代码");
        assertThat(table.lines()).singleElement().satisfies(l -> assertThat(l.cell(0)).isEqualTo("华东家电集团"));

        byte[] headerOnlyShort = "名称\n上海仓\n".getBytes(Charset.forName("GBK"));
        assertThat(new SheetReader(100).read(headerOnlyShort).lines()).singleElement()
                .satisfies(l -> assertThat(l.cell(0)).isEqualTo("上海仓"));
    }

    @Test
    void anXlsxIsReadAsARowStreamWithCellsAsTheUserSeesThem() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook()) {
            var sheet = book.createSheet("客户");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("客户名称");
            header.createCell(1).setCellValue("年收入");
            header.createCell(3).setCellValue("签约日期");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("  华东家电集团 ");
            row.createCell(1).setCellValue(12_000_000.5);
            var date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy/m/d"));
            var cell = row.createCell(3);
            cell.setCellValue(java.time.LocalDate.of(2026, 3, 31));
            cell.setCellStyle(date);
            book.write(out);
        }
        SheetReader.Table table = new SheetReader(100).read(out.toByteArray());
        assertThat(table.header()).containsExactly("客户名称", "年收入", "", "签约日期");
        assertThat(table.lines()).singleElement().satisfies(l -> {
            assertThat(l.number()).isEqualTo(2);
            assertThat(l.cells()).containsExactly("华东家电集团", "12000000.5", "", "2026-03-31");
        });
    }

    @Test
    void aSheetOf300000RowsIsRefusedWhileItIsReadWithoutHoldingItInMemory() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            var sheet = book.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("客户名称");
            for (int i = 1; i <= 300_000; i++) {
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue("客户" + i);
                row.createCell(1).setCellValue(i);
            }
            book.write(out);
        }
        byte[] file = out.toByteArray();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> new SheetReader(20_000).read(file)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.error.tooManyRows"));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // reading the whole sheet into a workbook first allocated about 445 MB; the stream stops after 20,001 rows
        assertThat(allocated).as("bytes allocated reading a 300,000-row sheet").isLessThan(150L * 1024 * 1024);
    }
}
