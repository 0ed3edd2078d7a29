package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.base.i18n.Locales;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerExport;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.customer.service.TieringService;
import com.summit.security.service.UserService;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer list as xlsx: the filtered rows, headers in the user's language, and the 12-month figures. */
class CustomerExportIT extends LocalAppIT {

    @Autowired CustomerExport export;
    @Autowired CustomerService customers;
    @Autowired TieringService tiering;
    @Autowired UserService users;

    @Test
    void theExportHoldsTheFilteredCustomersWithTheirFigures() throws Exception {
        var rep = users.find("zhangwei").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var a = customers.create(new NewCustomer("导出测试A" + marker, null, Industry.PHARMA, "广东广州"), rep);
        customers.create(new NewCustomer("导出测试B" + marker, null, Industry.FMCG, "广东深圳"), rep);
        customers.assignTier(a.id(), CustomerTier.IMPORTANT);
        for (int k = 1; k <= 12; k++) {
            tiering.recordRevenue(a.id(), LocalDate.now(Locales.ZONE).withDayOfMonth(1).minusMonths(k), "COLD_CHAIN", new BigDecimal("100000"),
                    new BigDecimal("12000"));
        }
        byte[] file = export.xlsx(rep, new CustomerService.Filter(null, null, null, null, marker), Locales.ZH_CN);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("客户");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("客户名称");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("导出测试A" + marker);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("医药");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("广东广州");
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("重要客户");
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("zhangwei");
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(1_200_000.0);
            assertThat(first.getCell(9).getNumericCellValue()).isEqualTo(144_000.0);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("导出测试B" + marker);
        }
        // in English, the headers are English
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.xlsx(rep, new CustomerService.Filter(null, null, null, null, marker),
                Locales.EN)))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("Unified social credit code");
        }
    }
}
