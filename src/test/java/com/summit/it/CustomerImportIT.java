package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Customer;
import com.summit.customer.domain.ContactRole;
import com.summit.customer.domain.Industry;
import com.summit.customer.domain.NeedType;
import com.summit.customer.domain.Trend;
import com.summit.customer.service.ContactService;
import com.summit.customer.service.CustomerExport;
import com.summit.customer.service.CustomerImport;
import com.summit.customer.service.CustomerImport.Action;
import com.summit.customer.service.CustomerImport.Mode;
import com.summit.customer.service.CustomerImport.Status;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.ImportKind;
import com.summit.customer.service.NewCustomer;
import com.summit.customer.service.TieringService;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing customers, contacts and monthly revenue: the preview says what each row will do or why it can't, in
 * Chinese; the commit imports the valid rows or the whole file; a batch that fails leaves nothing of itself; an
 * exported file re-imports. Bad files: GBK, missing columns, invalid codes and numbers and months, duplicates,
 * empty, not a spreadsheet, and 10,000 rows.
 */
class CustomerImportIT extends LocalAppIT {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired CustomerImport imports;
    @Autowired CustomerExport export;
    @Autowired CustomerService customers;
    @Autowired ContactService contacts;
    @Autowired TieringService tiering;
    @Autowired UserService users;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;

    private final String marker = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aGbkCsvFromExcelIsReadAndItsValidRowsImported() {
        SummitUser rep = rep();
        String csv = """
                客户名称,统一社会信用代码,行业,地区,地址,需求类型
                华南仓配%1$s,%2$s,家电,广东佛山,顺德区北滘镇工业大道 1 号,价格敏感型
                "南方冷链, %1$s",%3$s,COLD_CHAIN_FOOD,广东广州,,时效敏感型
                """.formatted(marker, code(), code());
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));

        CustomerImport.Preview preview = imports.preview(ImportKind.CUSTOMERS, "客户.csv", gbk, false, rep);

        assertThat(preview.format()).isEqualTo("csv/GB18030");
        assertThat(preview.rows()).extracting(CustomerImport.RowResult::action).containsExactly(Action.CREATE, Action.CREATE);
        CustomerImport.Result result = imports.commit(preview, Mode.VALID_ROWS, rep);
        assertThat(result.status()).isEqualTo(Status.COMPLETED);
        assertThat(result.created()).isEqualTo(2);
        List<Customer> found = customers.page(rep, new CustomerService.Filter(null, null, null, null, marker), 0, 10);
        assertThat(found).extracting(Customer::name).containsExactly("华南仓配" + marker, "南方冷链, " + marker);
        Customer first = found.getFirst();
        assertThat(first.industry()).isEqualTo(Industry.HOME_APPLIANCES);
        assertThat(first.region()).isEqualTo("广东佛山");
        assertThat(first.address()).isEqualTo("顺德区北滘镇工业大道 1 号");
        assertThat(first.needType()).isEqualTo(NeedType.PRICE_SENSITIVE);
        assertThat(first.ownerUsername()).isEqualTo(rep.username());
        assertThat(found.get(1).industry()).isEqualTo(Industry.COLD_CHAIN_FOOD);
        assertThat(imports.recent(rep)).first().satisfies(run -> {
            assertThat(run.fileName()).isEqualTo("客户.csv");
            assertThat(run.created()).isEqualTo(2);
            assertThat(run.status()).isEqualTo("COMPLETED");
        });
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() {
        SummitUser rep = rep();
        byte[] file = "名称,地区\n甲公司%s,上海\n".formatted(marker).getBytes(StandardCharsets.UTF_8);

        CustomerImport.Preview preview = imports.preview(ImportKind.CUSTOMERS, "x.csv", file, false, rep);

        assertThat(preview.refused()).isTrue();
        assertThat(preview.missingColumns()).containsExactly("name", "creditCode");
        assertThat(preview.unknownHeaders()).containsExactly("名称");
        assertThat(preview.rows()).isEmpty();
        assertRefused(() -> imports.commit(preview, Mode.VALID_ROWS, rep), "缺少必需的列：客户名称、统一社会信用代码");
        assertThat(customers.count(rep, new CustomerService.Filter(null, null, null, null, marker))).isZero();
    }

    @Test
    void everyBadRowSaysWhyInChineseAndTheWholeFileModeImportsNothing() {
        SummitUser rep = rep();
        String good = code();
        customers.create(new NewCustomer("已有客户" + marker, null, Industry.FMCG, "上海"), rep);
        String csv = """
                客户名称,统一社会信用代码,行业,负责人
                好客户%1$s,%2$s,医药,
                坏代码%1$s,91340100MA2TEST00X,,
                ,%3$s,,
                怪行业%1$s,,火箭,
                好客户%1$s,,,
                已有客户%1$s,,,
                别人的%1$s,,,lina
                查无此人%1$s,,,nobody%1$s
                """.formatted(marker, good, code());

        CustomerImport.Preview preview = imports.preview(ImportKind.CUSTOMERS, "bad.csv", csv.getBytes(StandardCharsets.UTF_8), false, rep);

        assertThat(preview.rows()).extracting(CustomerImport.RowResult::line).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(problems(preview, 2)).isEmpty();
        assertThat(problems(preview, 3)).containsExactly("统一社会信用代码“91340100MA2TEST00X”无效（应为 18 位，且校验位正确）");
        assertThat(problems(preview, 4)).containsExactly("“客户名称”不能为空");
        assertThat(problems(preview, 5)).singleElement().asString().startsWith("“行业”的值“火箭”无法识别，可填：3C 电子、家电");
        assertThat(problems(preview, 6)).containsExactly("与第 2 行重复");
        assertThat(problems(preview, 7)).containsExactly("客户“已有客户" + marker + "”已存在（勾选“更新已有记录”可以更新它）");
        assertThat(problems(preview, 8)).containsExactly("你不能把客户分给李娜");
        assertThat(problems(preview, 9)).containsExactly("找不到负责人“nobody" + marker + "”");

        // the whole file: one bad row and nothing is imported
        CustomerImport.Result refused = imports.commit(preview, Mode.WHOLE_FILE, rep);
        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.rejected()).isEqualTo(7);
        assertThat(customers.count(rep, new CustomerService.Filter(null, null, null, null, "好客户" + marker))).isZero();

        // the valid rows: the one good row, the rest reported
        CustomerImport.Result result = imports.commit(preview, Mode.VALID_ROWS, rep);
        assertThat(result.status()).isEqualTo(Status.WITH_REJECTIONS);
        assertThat(result.created()).isEqualTo(1);
        assertThat(result.notImported()).extracting(CustomerImport.RowResult::line).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(customers.page(rep, new CustomerService.Filter(null, null, null, null, "好客户" + marker), 0, 5))
                .extracting(Customer::creditCode).containsExactly(good);

        // committed twice: the rows are checked again, and the customer is there now
        CustomerImport.Result again = imports.commit(preview, Mode.VALID_ROWS, rep);
        assertThat(again.created()).isZero();
        assertThat(again.notImported()).filteredOn(r -> r.line() == 2).singleElement()
                .satisfies(r -> assertThat(imports.text(r.problems().getFirst(), Locales.ZH_CN)).contains("已存在"));
    }

    @Test
    void emptyFilesHeaderOnlyFilesAndFilesThatAreNoSpreadsheetAreRefusedWithAReason() throws Exception {
        SummitUser rep = rep();
        assertRefused(() -> imports.preview(ImportKind.CUSTOMERS, "empty.csv", new byte[0], false, rep), "文件是空的");
        assertRefused(() -> imports.preview(ImportKind.CUSTOMERS, "blank.csv", "\n\n  \n".getBytes(StandardCharsets.UTF_8), false, rep), "文件是空的");
        assertRefused(() -> imports.preview(ImportKind.CUSTOMERS, "header.csv", "客户名称,统一社会信用代码\n".getBytes(StandardCharsets.UTF_8), false, rep),
                "文件只有表头，没有数据行");
        String notSpreadsheet = "这不是表格文件：请上传 Excel（.xlsx、.xls）或 CSV 文件";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
        assertRefused(() -> imports.preview(ImportKind.CUSTOMERS, "logo.png", png, false, rep), notSpreadsheet);
        assertRefused(() -> imports.preview(ImportKind.CUSTOMERS, "a.pdf", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1),
                false, rep), notSpreadsheet);
        // a zip that is no workbook
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertRefused(() -> imports.preview(ImportKind.CUSTOMERS, "x.xlsx", zip.toByteArray(), false, rep), notSpreadsheet);
        // random bytes
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        assertRefused(() -> imports.preview(ImportKind.CUSTOMERS, "noise.csv", noise, false, rep), notSpreadsheet);
        assertThat(customers.count(rep, new CustomerService.Filter(null, null, null, null, marker))).isZero();
    }

    @Test
    void anExportedFileReimportsCleanlyAndUpdatesWhatWasEdited() throws Exception {
        SummitUser rep = rep();
        var a = customers.create(new NewCustomer("往返A" + marker, code(), Industry.PHARMA, "广东广州"), rep);
        customers.create(new NewCustomer("往返B" + marker, null, Industry.FMCG, "广东深圳"), rep);
        customers.assignTier(a.id(), com.summit.customer.domain.CustomerTier.IMPORTANT);
        byte[] file = export.xlsx(rep, new CustomerService.Filter(null, null, null, null, marker), Locales.ZH_CN);

        // as new customers: each row is recognised, and each is there already
        CustomerImport.Preview asNew = imports.preview(ImportKind.CUSTOMERS, "customers.xlsx", file, false, rep);
        assertThat(asNew.missingColumns()).isEmpty();
        assertThat(asNew.unknownHeaders()).isEmpty();
        assertThat(asNew.readOnlyColumns()).containsExactly("价值等级", "近12个月收入", "近12个月毛利");
        assertThat(asNew.rows()).hasSize(2).allSatisfy(r -> assertThat(r.problems()).extracting(p -> imports.text(p, Locales.ZH_CN))
                .singleElement().asString().contains("已存在"));

        // updating: every row is an update, and the customers come out as they went in
        CustomerImport.Preview asUpdate = imports.preview(ImportKind.CUSTOMERS, "customers.xlsx", file, true, rep);
        assertThat(asUpdate.rows()).extracting(CustomerImport.RowResult::action).containsOnly(Action.UPDATE);
        assertThat(imports.commit(asUpdate, Mode.WHOLE_FILE, rep).updated()).isEqualTo(2);
        Customer after = customers.find(a.id()).orElseThrow();
        assertThat(after.name()).isEqualTo("往返A" + marker);
        assertThat(after.industry()).isEqualTo(Industry.PHARMA);
        assertThat(after.tier()).as("the tier is the rules' to set, not the file's").isEqualTo(com.summit.customer.domain.CustomerTier.IMPORTANT);

        // the file edited in Excel: a new region for A
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(file)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals("往返A" + marker)) {
                    sheet.getRow(r).getCell(3).setCellValue("广东佛山");
                }
            }
            book.write(out);
            file = out.toByteArray();
        }
        imports.commit(imports.preview(ImportKind.CUSTOMERS, "edited.xlsx", file, true, rep), Mode.WHOLE_FILE, rep);
        assertThat(customers.find(a.id()).orElseThrow().region()).isEqualTo("广东佛山");
    }

    @Test
    void aBatchThatFailsMidwayIsRolledBackAsAWholeAndReported() {
        SummitUser rep = rep();
        // the database refuses one row that passed every check (a trigger stands in for a constraint the checks don't know)
        jdbc.sql("""
                create or replace function refuse_poison() returns trigger language plpgsql as $$
                begin
                    if new.name like '%%毒%%' then raise exception 'poison row'; end if;
                    return new;
                end $$""".replace("%%", "%")).update();
        jdbc.sql("create trigger refuse_poison before insert on customer for each row execute function refuse_poison()").update();
        try {
            StringBuilder csv = new StringBuilder("客户名称,统一社会信用代码\n");
            for (int i = 1; i <= 1_200; i++) {
                csv.append(i == 700 ? "有毒" : "批次").append(marker).append('-').append(i).append(",\n");
            }
            CustomerImport.Preview preview = imports.preview(ImportKind.CUSTOMERS, "batches.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                    false, rep);
            assertThat(preview.allValid()).isTrue();

            CustomerImport.Result result = imports.commit(preview, Mode.VALID_ROWS, rep);

            // rows 2–501 and 1002–1201 land; the batch of rows 502–1001 (with the poison at row 701) does not, not even in part
            assertThat(result.status()).isEqualTo(Status.WITH_REJECTIONS);
            assertThat(result.created()).isEqualTo(700);
            assertThat(result.failed()).isEqualTo(500);
            assertThat(result.notImported()).extracting(CustomerImport.RowResult::line).first().isEqualTo(502);
            assertThat(imports.text(result.notImported().getFirst().problems().getFirst(), Locales.ZH_CN))
                    .isEqualTo("这一批（第 502–1001 行）没有写入，已整批撤销：数据库拒绝了写入");
            assertThat(customers.count(rep, new CustomerService.Filter(null, null, null, null, "批次" + marker))).isEqualTo(700);
            assertThat(customers.page(rep, new CustomerService.Filter(null, null, null, null, "批次" + marker + "-600"), 0, 5)).isEmpty();

            // the whole file in one transaction: nothing at all
            String other = "整批" + marker;
            StringBuilder whole = new StringBuilder("客户名称,统一社会信用代码\n");
            for (int i = 1; i <= 600; i++) {
                whole.append(i == 599 ? "有毒整批" : other).append('-').append(i).append(",\n");
            }
            CustomerImport.Result failed = imports.commit(imports.preview(ImportKind.CUSTOMERS, "whole.csv",
                    whole.toString().getBytes(StandardCharsets.UTF_8), false, rep), Mode.WHOLE_FILE, rep);
            assertThat(failed.status()).isEqualTo(Status.FAILED);
            assertThat(failed.created()).isZero();
            assertThat(customers.count(rep, new CustomerService.Filter(null, null, null, null, other))).isZero();
        } finally {
            jdbc.sql("drop trigger refuse_poison on customer").update();
            jdbc.sql("delete from customer where name like :n").param("n", "批次" + marker + "-%").update();
        }
    }

    @Test
    void tenThousandRowsOfXlsxArePreviewedAndImported() throws Exception {
        SummitUser rep = rep();
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("客户");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("客户名称");
            header.createCell(1).setCellValue("统一社会信用代码");
            header.createCell(2).setCellValue("行业");
            header.createCell(3).setCellValue("地区");
            for (int i = 1; i <= 10_000; i++) {
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue("万行" + marker + "-" + i);
                row.createCell(1).setCellValue(code());
                row.createCell(2).setCellValue(i % 2 == 0 ? "电商" : "FMCG");
                row.createCell(3).setCellValue("江苏苏州");
            }
            book.write(out);
            file = out.toByteArray();
        }
        long started = System.nanoTime();
        CustomerImport.Preview preview = imports.preview(ImportKind.CUSTOMERS, "10k.xlsx", file, false, rep);
        long previewed = System.nanoTime();
        assertThat(preview.rows()).hasSize(10_000);
        assertThat(preview.allValid()).isTrue();
        CustomerImport.Result result = imports.commit(preview, Mode.WHOLE_FILE, rep);
        long committed = System.nanoTime();
        assertThat(result.created()).isEqualTo(10_000);
        assertThat(customers.count(rep, new CustomerService.Filter(null, Industry.ECOMMERCE, null, null, "万行" + marker))).isEqualTo(5_000);
        // the other tests' re-tiering need not walk these
        jdbc.sql("delete from customer where name like :n").param("n", "万行" + marker + "-%").update();
        System.out.printf("10,000-row xlsx: preview %d ms, commit %d ms%n", (previewed - started) / 1_000_000, (committed - previewed) / 1_000_000);
    }

    @Test
    void contactsAndMonthlyRevenueImportForTheCustomersTheUserSees() {
        SummitUser rep = rep();
        String code = code();
        var customer = customers.create(new NewCustomer("联系人客户" + marker, code, Industry.AUTOMOTIVE, "安徽合肥"), rep);
        var foreign = customers.create(new NewCustomer("别人的客户" + marker, null, Industry.AUTOMOTIVE, "安徽合肥"), users.find("lina").orElseThrow());
        String contactsCsv = """
                客户,姓名,职务,角色,关系强度,偏好
                %1$s,周总,总经理,决策人,4,喜欢看数据
                联系人客户%2$s,钱经理,,VETO_FINANCE,,
                联系人客户%2$s,孙工,,否决权：技术,9,
                联系人客户%2$s,周总,,对接人,3,
                别人的客户%2$s,李四,,使用者,2,
                """.formatted(code, marker);
        CustomerImport.Preview contactsPreview = imports.preview(ImportKind.CONTACTS, "contacts.csv", contactsCsv.getBytes(StandardCharsets.UTF_8),
                false, rep);
        assertThat(problems(contactsPreview, 4)).containsExactly("关系强度应为 1 到 5 的整数，而不是“9”");
        assertThat(problems(contactsPreview, 5)).containsExactly("与第 2 行重复");
        assertThat(problems(contactsPreview, 6)).containsExactly("找不到客户“别人的客户" + marker + "”，或你无权查看");
        assertThat(imports.commit(contactsPreview, Mode.VALID_ROWS, rep).created()).isEqualTo(2);
        var map = contacts.influenceMap(customer.id(), rep);
        assertThat(map.get(ContactRole.DECISION_MAKER)).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("周总");
            assertThat(c.strength()).isEqualTo(4);
            assertThat(c.preferences()).isEqualTo("喜欢看数据");
        });
        assertThat(map.get(ContactRole.VETO_FINANCE)).extracting(c -> c.strength()).containsExactly(3);
        assertThat(customers.findVisible(foreign.id(), rep)).isEmpty();

        // twelve months of revenue, growing in the last six, in the formats people type
        YearMonth now = YearMonth.now(Locales.ZONE);
        StringBuilder revenue = new StringBuilder("客户,月份,业务,收入（元）,毛利（元）\n");
        for (int k = 1; k <= 12; k++) {
            YearMonth m = now.minusMonths(k);
            String month = switch (k % 3) {
                case 0 -> m.toString();
                case 1 -> m.getYear() + "年" + m.getMonthValue() + "月";
                default -> m.getYear() + "/" + m.getMonthValue();
            };
            String amount = k <= 6 ? "\"¥200,000.00\"" : "10万";
            revenue.append(code).append(',').append(month).append(",干线运输,").append(amount).append(",20000\n");
        }
        revenue.append(code).append(',').append(now.plusMonths(1)).append(",仓储,100,10\n");
        revenue.append(code).append(',').append("上个月").append(",仓储,100,10\n");
        revenue.append(code).append(',').append(now.minusMonths(1)).append(",仓储,一百,10\n");
        revenue.append(code).append(',').append(now.minusMonths(2)).append(",仓储,100,200\n");
        CustomerImport.Preview revenuePreview = imports.preview(ImportKind.REVENUE, "revenue.csv", revenue.toString().getBytes(StandardCharsets.UTF_8),
                false, rep);
        assertThat(revenuePreview.count(Action.CREATE)).isEqualTo(12);
        assertThat(problems(revenuePreview, 14)).containsExactly("月份 " + now.plusMonths(1) + " 还没到");
        assertThat(problems(revenuePreview, 15)).containsExactly("月份“上个月”无法识别（例如 2026-01）");
        assertThat(problems(revenuePreview, 16)).containsExactly("“收入（元）”的值“一百”不是有效的金额");
        assertThat(problems(revenuePreview, 17)).containsExactly("毛利不能大于收入");
        CustomerImport.Result result = imports.commit(revenuePreview, Mode.VALID_ROWS, rep);
        assertThat(result.created()).isEqualTo(12);
        assertThat(tiering.revenue(customer.id())).hasSize(12).allSatisfy(r -> assertThat(r.service()).isEqualTo("LINE_HAUL"));
        assertThat(tiering.revenue(customer.id()).getLast().revenue()).isEqualByComparingTo("200000");
        // the behaviour follows the revenue: twelve months bought, growing, line haul
        Customer after = customers.find(customer.id()).orElseThrow();
        assertThat(after.purchaseMonths()).isEqualTo(12);
        assertThat(after.trend()).isEqualTo(Trend.GROWING);
        assertThat(after.servicesUsed()).containsExactly(com.summit.customer.domain.LogisticsService.LINE_HAUL);
        assertThat(customers.page(rep, new CustomerService.Filter(null, null, null, null, marker, Trend.GROWING), 0, 5))
                .extracting(Customer::id).containsExactly(customer.id());

        // the same month again: refused unless updating, then overwritten
        String correction = "客户,月份,业务,收入（元）,毛利（元）\n%s,%s,干线运输,150000,15000\n".formatted(code, now.minusMonths(1));
        assertThat(problems(imports.preview(ImportKind.REVENUE, "fix.csv", correction.getBytes(StandardCharsets.UTF_8), false, rep), 2))
                .containsExactly("客户“联系人客户" + marker + "”" + now.minusMonths(1) + " 的干线运输已有数据（勾选“更新已有记录”可以覆盖）");
        CustomerImport.Preview fix = imports.preview(ImportKind.REVENUE, "fix.csv", correction.getBytes(StandardCharsets.UTF_8), true, rep);
        assertThat(fix.rows()).extracting(CustomerImport.RowResult::action).containsExactly(Action.UPDATE);
        assertThat(imports.commit(fix, Mode.WHOLE_FILE, rep).updated()).isEqualTo(1);
        assertThat(tiering.revenue(customer.id()).getLast().revenue()).isEqualByComparingTo("150000");
    }

    private SummitUser rep() {
        String username = "imp" + marker;
        users.createIfMissing(new SummitUser(username, "导入员" + marker, Set.of(Role.REP), "华东大客户部", "lina"), "summit");
        return users.find(username).orElseThrow();
    }

    private List<String> problems(CustomerImport.Preview preview, int line) {
        return preview.rows().stream().filter(r -> r.line() == line).findFirst().orElseThrow().problems().stream()
                .map(p -> imports.text(p, Locales.ZH_CN)).toList();
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo(message));
    }

    /** A valid unified social credit code, different on every call. */
    static String code() {
        return com.summit.customer.service.CreditCode.complete("91310000" + "MA" + String.format("%07d", SERIAL.incrementAndGet() % 10_000_000));
    }
}
