package com.summit.customer.service;

import com.summit.base.UserFacingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EmptyFileException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Reads the first sheet of an xlsx or xls file (Apache POI), or a CSV file (Apache Commons CSV) in UTF-8 or GBK,
 * detected (juniversalchardet), into a header and rows of text. Anything else is refused with a message the user
 * can act on: an empty file, a file that is not a spreadsheet, a file without data rows, too many rows.
 */
final class SheetReader {

    /** A spreadsheet as text: the header row and the data rows, each with its line number in the file. */
    record Table(List<String> header, List<Line> lines, String format) {}

    /** One data row: its line number as the user sees it in Excel (the header is line 1) and its cells. */
    record Line(int number, List<String> cells) {

        String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index);
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private final int maxRows;

    SheetReader(int maxRows) {
        this.maxRows = maxRows;
    }

    Table read(byte[] content) {
        if (content == null || content.length == 0) {
            throw new UserFacingException("import.error.empty");
        }
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(content);
        } catch (RuntimeException e) {
            magic = FileMagic.UNKNOWN;
        }
        Table table = switch (magic) {
            case OOXML -> xlsx(content);
            case OLE2 -> workbook(content);
            case UNKNOWN -> csv(content);
            default -> throw new UserFacingException("import.error.notSpreadsheet");
        };
        if (table.header().stream().allMatch(String::isBlank)) {
            throw new UserFacingException("import.error.empty");
        }
        if (table.lines().isEmpty()) {
            throw new UserFacingException("import.error.noRows");
        }
        return table;
    }

    /**
     * An xlsx file, as a stream of rows: the row limit stops the reading as soon as it is passed (a sheet of 300,000 rows
     * is refused after 20,001, without holding the sheet in memory).
     */
    private Table xlsx(byte[] content) {
        List<List<String>> header = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        try {
            XlsxStream.read(new ByteArrayInputStream(content), row -> {
                if (header.isEmpty()) {
                    if (!row.cells().stream().allMatch(String::isBlank)) {
                        header.add(row.cells());
                    }
                    return;
                }
                add(lines, new Line(row.number(), row.cells()));
            });
        } catch (UserFacingException e) {
            throw e;
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new UserFacingException(e, "import.error.notSpreadsheet");
        } catch (Exception e) {
            if (e.getCause() instanceof UserFacingException u) {
                throw u;
            }
            // a zip that is not a workbook, a damaged file, a zip bomb
            throw new UserFacingException(e, "import.error.notSpreadsheet");
        }
        return new Table(header.isEmpty() ? List.of() : header.getFirst(), lines, "xlsx");
    }

    /** An xls file (at most 65,536 rows by its format), read whole. */
    private Table workbook(byte[] content) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                throw new UserFacingException("import.error.empty");
            }
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            List<String> header = null;
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    cells.add(text(row.getCell(i), formatter));
                }
                if (header == null) {
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    header = cells;
                    continue;
                }
                add(lines, new Line(row.getRowNum() + 1, cells));
            }
            return new Table(header == null ? List.of() : header, lines, "xlsx");
        } catch (EmptyFileException e) {
            throw new UserFacingException("import.error.empty");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserFacingException u) {
                throw u;
            }
            // a zip or an OLE2 file that is not a workbook (a Word file, a damaged file)
            throw new UserFacingException(e, "import.error.notSpreadsheet");
        }
    }

    /** A cell as the user sees it; numbers in plain notation, dates as yyyy-MM-dd. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case BLANK, ERROR, _NONE -> "";
            default -> formatter.formatCellValue(cell).strip();
        };
    }

    private Table csv(byte[] content) {
        Charset charset = charset(content);
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new UserFacingException(e, "import.error.notSpreadsheet");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (looksBinary(text)) {
            throw new UserFacingException("import.error.notSpreadsheet");
        }
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(true).get();
        List<String> header = null;
        List<Line> lines = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(v -> cells.add(v == null ? "" : v.strip()));
                int number = (int) record.getRecordNumber();
                if (header == null) {
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    header = cells;
                    continue;
                }
                add(lines, new Line(number, cells));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // an unclosed quote and the like
            throw new UserFacingException(e, "import.error.badCsv", e.getMessage() == null ? "" : e.getMessage());
        }
        return new Table(header == null ? List.of() : header, lines, "csv/" + charset.name());
    }

    private void add(List<Line> lines, Line line) {
        if (line.blank()) {
            return;
        }
        if (lines.size() >= maxRows) {
            throw new UserFacingException("import.error.tooManyRows", maxRows);
        }
        lines.add(line);
    }

    /** UTF-8 when the bytes are valid UTF-8 (with or without BOM); otherwise what the detector says, GB18030 for Chinese. */
    static Charset charset(byte[] content) {
        if (validUtf8(content)) {
            return StandardCharsets.UTF_8;
        }
        // Chinese spreadsheets that are not UTF-8 are GBK (GB18030): a short file (one line) fools the statistical detector,
        // so a file that decodes as GB18030 without an error and holds Chinese text is taken as such
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(content, 0, Math.min(content.length, 64 * 1024));
        detector.dataEnd();
        String detected = detector.getDetectedCharset();
        if ((detected == null || content.length < SHORT_FILE) && decodesAsChineseGb18030(content)) {
            return Charset.forName("GB18030");
        }
        if (detected == null || detected.equalsIgnoreCase("GB18030") || detected.equalsIgnoreCase("GBK") || detected.equalsIgnoreCase("GB2312")
                || detected.equalsIgnoreCase("HZ-GB-2312")) {
            // GB18030 is a superset of GBK and GB2312: what Excel on a Chinese Windows writes
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(detected);
        } catch (RuntimeException e) {
            return Charset.forName("GB18030");
        }
    }

    /** Below this many bytes the statistical detector has too little to go on. */
    private static final int SHORT_FILE = 2048;

    private static boolean decodesAsChineseGb18030(byte[] content) {
        try {
            String text = Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
            long other = text.codePoints().filter(c -> c >= 0x80 && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN
                    && Character.UnicodeBlock.of(c) != Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                    && Character.UnicodeBlock.of(c) != Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS).count();
            return han > 0 && han >= other * 4;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean validUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Control characters other than tab and line breaks do not occur in a CSV file: a PDF, an image, a zip. */
    private static boolean looksBinary(String text) {
        CharBuffer sample = CharBuffer.wrap(text, 0, Math.min(text.length(), 8192));
        int control = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) {
                control++;
            }
        }
        return control > 0;
    }

    /** Comma, or tab or semicolon when the header line has those and no comma. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.indexOf(',') >= 0) {
            return ',';
        }
        if (first.indexOf('\t') >= 0) {
            return '\t';
        }
        if (first.indexOf(';') >= 0) {
            return ';';
        }
        return ',';
    }

    @SuppressWarnings("unused")
    private static Reader reader(byte[] content, Charset charset) {
        return new InputStreamReader(new ByteArrayInputStream(content), charset);
    }
}
