package com.summit.customer.service;

import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Customer;
import com.summit.customer.domain.TieringRepository;
import com.summit.security.domain.SummitUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * The customer list as an xlsx file (Apache POI, streaming): the rows the user's filters select, with the columns
 * the import reads (name, credit code, industry code, region, tier) plus the 12-month figures.
 */
@Service
public class CustomerExport {

    /** The columns, in order; the header row carries their names in the user's language. */
    public static final List<String> COLUMNS = List.of("name", "creditCode", "industry", "region", "tier", "owner", "revenue12m", "profit12m");
    private static final int PAGE = 500;

    private final CustomerService customers;
    private final TieringRepository tiering;
    private final Messages messages;

    CustomerExport(CustomerService customers, TieringRepository tiering, Messages messages) {
        this.customers = customers;
        this.tiering = tiering;
        this.messages = messages;
    }

    public String fileName() {
        return "customers-" + LocalDate.now(Locales.ZONE) + ".xlsx";
    }

    public byte[] xlsx(SummitUser user, CustomerService.Filter filter, Locale locale) {
        LocalDate to = LocalDate.now(Locales.ZONE).withDayOfMonth(1);
        Map<Long, TieringRepository.Figures> figures = new HashMap<>();
        tiering.ranking(to.minusMonths(12), to, CustomerService.viewer(user)).forEach(f -> figures.put(f.customerId(), f));
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.getTranslation("export.customers.sheet", locale));
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(messages.getTranslation("export.customers." + COLUMNS.get(i), locale));
            }
            int r = 1;
            for (int offset = 0; ; offset += PAGE) {
                List<Customer> page = customers.page(user, filter, offset, PAGE);
                for (Customer c : page) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(c.name());
                    row.createCell(1).setCellValue(c.creditCode() == null ? "" : c.creditCode());
                    row.createCell(2).setCellValue(c.industry() == null ? "" : c.industry().name());
                    row.createCell(3).setCellValue(c.region() == null ? "" : c.region());
                    row.createCell(4).setCellValue(c.tier().name());
                    row.createCell(5).setCellValue(c.ownerUsername());
                    TieringRepository.Figures f = figures.get(c.id());
                    var revenue = row.createCell(6);
                    revenue.setCellValue((f == null ? BigDecimal.ZERO : f.revenue12m()).doubleValue());
                    revenue.setCellStyle(money);
                    var profit = row.createCell(7);
                    profit.setCellValue((f == null ? BigDecimal.ZERO : f.profit12m()).doubleValue());
                    profit.setCellStyle(money);
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
