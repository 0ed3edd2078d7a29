package com.summit.customer.service;

import com.summit.base.UserFacingException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an xlsx file, read as a stream of rows (POI's XSSF event API): memory stays flat however long the
 * sheet is, and a row past the limit stops the reading at once. Cells are text as the user sees them: numbers in plain
 * notation, dates as yyyy-MM-dd, formulas by their last result. The package is opened with POI's zip-bomb guard, and
 * its XML parser resolves no external entities.
 */
final class XlsxStream {

    /** A row of the sheet: its number as Excel shows it (1-based) and its cells, in column order. */
    record Row(int number, List<String> cells) {}

    private XlsxStream() {}

    /** Calls {@code rows} for each row, top to bottom; the consumer may stop the reading by throwing. */
    static void read(InputStream content, Consumer<Row> rows) throws Exception {
        // from a file, the package reads each part as it is needed (from a stream, it would unpack every part first)
        java.nio.file.Path file = java.nio.file.Files.createTempFile("summit-import-", ".xlsx");
        try {
            java.nio.file.Files.copy(content, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            read(file, rows);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static void read(java.nio.file.Path file, Consumer<Row> rows) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            reader.setUseReadOnlySharedStringsTable(true);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw new UserFacingException("import.error.empty");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), reader.getSharedStringsTable(),
                        new Handler(rows), new PlainFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        }
    }

    /** Numbers in plain notation and dates as ISO dates, whatever the cell's display format. */
    private static final class PlainFormatter extends DataFormatter {

        PlainFormatter() {
            super(java.util.Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime date = DateUtil.getLocalDateTime(value);
                return date.toLocalDate().toString();
            }
            return plain(Double.toString(value));
        }
    }

    private static String plain(String number) {
        try {
            return new BigDecimal(number).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return number;
        }
    }

    private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Consumer<Row> rows;
        private List<String> cells = new ArrayList<>();

        Handler(Consumer<Row> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.accept(new Row(rowNum + 1, cells));
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(text(formattedValue));
        }

        private static String text(String value) {
            if (value == null || value.startsWith("ERROR:")) {
                return "";
            }
            String text = value.strip();
            if (text.equals("TRUE") || text.equals("FALSE")) {
                return text.toLowerCase(java.util.Locale.ROOT);
            }
            return text;
        }
    }
}
