package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.customer.service.CustomerImport;
import com.summit.customer.service.ImportKind;
import com.summit.security.service.UserService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Importing 10,000 customers (issue #6): the time to preview (read, check every row against the rules and the
 * database) and to commit (write), for an xlsx file and for a GBK CSV file, through the app's own import service on
 * the embedded PostgreSQL; and the heap the preview holds. Not part of {@code ./summit test}; run it with
 * {@code bench/import.sh}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomerImportBench {

    static final Path DATA = Path.of("target", "bench", "import-" + ProcessHandle.current().pid());
    static final int ZEEBE = TestPorts.free();
    static final int POSTGRES = TestPorts.free();
    static final int ROWS = Integer.getInteger("bench.rows", 10_000);
    static final int RUNS = Integer.getInteger("bench.runs", 3);

    @DynamicPropertySource
    static void localMode(DynamicPropertyRegistry registry) {
        registry.add("summit.local.data-dir", DATA::toString);
        registry.add("summit.local.zeebe.port", () -> ZEEBE);
        registry.add("summit.local.postgres.port", () -> POSTGRES);
        registry.add("summit.local.elasticsearch.enabled", () -> "false");
    }

    @Autowired CustomerImport imports;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void tenThousandRows() throws Exception {
        var rep = users.find("zhangwei").orElseThrow();
        StringBuilder report = new StringBuilder();
        for (String format : new String[] {"xlsx", "csv (GBK)"}) {
            for (int run = 1; run <= RUNS; run++) {
                String prefix = "基准" + format.charAt(0) + run + "-";
                byte[] file = format.equals("xlsx") ? xlsx(prefix, run) : csv(prefix, run);
                System.gc();
                long heapBefore = usedHeap();
                long start = System.nanoTime();
                CustomerImport.Preview preview = imports.preview(ImportKind.CUSTOMERS, "bench", file, false, rep);
                long previewed = System.nanoTime();
                long heapWithPreview = usedHeap();
                assertThat(preview.allValid()).isTrue();
                CustomerImport.Result result = imports.commit(preview, CustomerImport.Mode.WHOLE_FILE, rep);
                long committed = System.nanoTime();
                assertThat(result.created()).isEqualTo(ROWS);
                report.append(String.format("%s, run %d: %d rows, file %d KB: preview %d ms, commit %d ms (checked again + written), "
                        + "heap held by the preview about %d MB%n", format, run, ROWS, file.length / 1024, (previewed - start) / 1_000_000,
                        (committed - previewed) / 1_000_000, Math.max(0, heapWithPreview - heapBefore) / (1024 * 1024)));
                jdbc.sql("delete from customer where name like :p").param("p", prefix + "%").update();
            }
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "import.txt"), report.toString());
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static byte[] xlsx(String prefix, int run) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("客户");
            String[] header = {"客户名称", "统一社会信用代码", "行业", "地区", "地址", "需求类型", "负责人"};
            var h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int i = 1; i <= ROWS; i++) {
                var row = sheet.createRow(i);
                String[] cells = row(prefix, run, i);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] csv(String prefix, int run) {
        StringBuilder csv = new StringBuilder("客户名称,统一社会信用代码,行业,地区,地址,需求类型,负责人\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append(String.join(",", row(prefix, run, i))).append('\n');
        }
        return csv.toString().getBytes(Charset.forName("GBK"));
    }

    private static String[] row(String prefix, int run, int i) {
        String[] industries = {"家电", "汽车", "快消品", "电商", "医药", "ELECTRONICS_3C"};
        return new String[] {prefix + i + "物流有限公司", code(run * 100_000 + i), industries[i % industries.length], "江苏苏州",
                "工业园区星湖街 " + i + " 号", i % 3 == 0 ? "价格敏感型" : "", "zhangwei"};
    }

    private static String code(int n) {
        return com.summit.customer.service.CreditCode.complete("91320500MA" + String.format("%07d", n));
    }
}
