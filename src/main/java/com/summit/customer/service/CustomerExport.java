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

    /** The columns, in order: the import's, so that an exported file re-imports; headers in the user's language. */
    public static final List<String> COLUMNS = ImportKind.CUSTOMERS.columns().stream().map(ImportKind.Column::key).toList();
    private static final int PAGE = 500;

    private final CustomerService customers;
    private final TieringRepository tiering;
    private final Messages messages;

    CustomerExport(CustomerService customers, TieringRepository tiering, Messages messages) {
        this.customers = customers;
        this.tiering = tiering;
        this.messages = messages;
    }

    private static void money(org.apache.poi.ss.usermodel.Cell cell, BigDecimal value, CellStyle style) {
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    public String fileName() {
        return "customers-" + LocalDate.now(Locales.ZONE) + ".xlsx";
    }

    public byte[] xlsx(SummitUser user, CustomerService.Filter filter, Locale locale) {
        LocalDate to = LocalDate.now(Locales.ZONE).withDayOfMonth(1);
        Map<Long, TieringRepository.Figures> figures = new HashMap<>();
        tiering.ranking(to.minusMonths(12), to, CustomerService.viewer(user)).forEach(f -> figures.put(f.customerId(), f));
        try (SXSSFWorkbook book = new SXSSFWorkbook(null, 200, false, true); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.getTranslation("export.customers.sheet", locale));
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(messages.getTranslation(ImportKind.CUSTOMERS.headerKey(COLUMNS.get(i)), locale));
            }
            int r = 1;
            for (int offset = 0; ; offset += PAGE) {
                List<Customer> page = customers.page(user, filter, offset, PAGE);
                for (Customer c : page) {
                    Row row = sheet.createRow(r++);
                    TieringRepository.Figures f = figures.get(c.id());
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        var cell = row.createCell(i);
                        switch (COLUMNS.get(i)) {
                            case "name" -> cell.setCellValue(c.name());
                            case "creditCode" -> cell.setCellValue(c.creditCode() == null ? "" : c.creditCode());
                            case "industry" -> cell.setCellValue(c.industry() == null ? "" : messages.getTranslation(c.industry().messageKey(), locale));
                            case "region" -> cell.setCellValue(c.region() == null ? "" : c.region());
                            case "address" -> cell.setCellValue(c.address() == null ? "" : c.address());
                            case "needType" -> cell.setCellValue(c.needType() == null ? "" : messages.getTranslation(c.needType().messageKey(), locale));
                            case "tier" -> cell.setCellValue(messages.getTranslation(c.tier().messageKey(), locale));
                            case "owner" -> cell.setCellValue(c.ownerUsername());
                            case "revenue12m" -> money(cell, f == null ? BigDecimal.ZERO : f.revenue12m(), money);
                            case "profit12m" -> money(cell, f == null ? BigDecimal.ZERO : f.profit12m(), money);
                            default -> throw new IllegalStateException("no value for column " + COLUMNS.get(i));
                        }
                    }
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
