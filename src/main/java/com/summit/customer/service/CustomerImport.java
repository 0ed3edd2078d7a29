package com.summit.customer.service;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.ContactRole;
import com.summit.customer.domain.ImportRepository;
import com.summit.customer.domain.TieringRepository;
import com.summit.customer.domain.Industry;
import com.summit.customer.domain.LogisticsService;
import com.summit.customer.domain.NeedType;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports customers, their contacts and their monthly revenue from an xlsx, xls or CSV file (UTF-8 or GBK).
 * <p>
 * First a preview: every row with what it will do (create, update) or why it cannot be imported, in the user's
 * language. Then the user commits, either every valid row (the rest reported) or the whole file (nothing when any
 * row has a problem). The rows are checked again at commit, since the database may have changed in between. Rows
 * are written in batches, each in a transaction of its own: a batch that fails leaves nothing of itself behind and
 * is reported, never half-imported silently. Every import is recorded.
 */
@Service
public class CustomerImport {

    private static final Logger log = LoggerFactory.getLogger(CustomerImport.class);
    public static final int MAX_ROWS = 20_000;
    public static final int MAX_MEGABYTES = 10;
    static final int BATCH = 500;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{18}");

    /** Commit every valid row and report the rest, or the whole file only when every row is valid. */
    public enum Mode {
        VALID_ROWS,
        WHOLE_FILE
    }

    /** What a row will do. */
    public enum Action {
        CREATE,
        UPDATE,
        ERROR
    }

    public enum Status {
        COMPLETED,
        WITH_REJECTIONS,
        REFUSED,
        FAILED
    }

    /** Why a row cannot be imported: the column (or null for the row) and a message key with its arguments. */
    public record Problem(String column, String messageKey, List<Object> arguments) {

        static Problem of(String column, String key, Object... arguments) {
            return new Problem(column, key, Arrays.asList(arguments));
        }
    }

    /** One row of the file: its line number, what it will do, its cells by column key, and its problems. */
    public record RowResult(int line, Action action, Map<String, String> values, List<Problem> problems) {}

    /**
     * What the file will do. {@code missingColumns} not empty: the file cannot be imported at all. Unknown headers are
     * listed, and read-only ones (the tier, the 12-month figures) too, so that the user knows they are not read.
     */
    public record Preview(ImportKind kind, String fileName, String format, boolean updateExisting, List<String> missingColumns,
            List<String> readOnlyColumns, List<String> unknownHeaders, List<RowResult> rows) {

        public boolean refused() {
            return !missingColumns.isEmpty();
        }

        public long count(Action action) {
            return rows.stream().filter(r -> r.action() == action).count();
        }

        public boolean allValid() {
            return !refused() && count(Action.ERROR) == 0;
        }
    }

    /** What the commit did; {@code notImported}: the rows refused or whose batch failed, with why. */
    public record Result(long importId, Status status, int created, int updated, int rejected, int failed, List<RowResult> notImported) {}

    private final ImportRepository imports;
    private final UserService users;
    private final Messages messages;
    private final TransactionTemplate transactions;
    private final BehaviourService behaviour;

    private final TieringRepository revenue;

    CustomerImport(ImportRepository imports, TieringRepository revenue, UserService users, Messages messages, TransactionTemplate transactions,
            BehaviourService behaviour) {
        this.imports = imports;
        this.revenue = revenue;
        this.users = users;
        this.messages = messages;
        this.transactions = transactions;
        this.behaviour = behaviour;
    }

    /** Reads the file and checks every row against the rules and the database; changes nothing. */
    public Preview preview(ImportKind kind, String fileName, byte[] content, boolean updateExisting, SummitUser user) {
        if (content != null && content.length > MAX_MEGABYTES * 1024L * 1024L) {
            throw new UserFacingException("import.error.tooBig", MAX_MEGABYTES);
        }
        SheetReader.Table table = new SheetReader(MAX_ROWS).read(content);
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> readOnly = new ArrayList<>();
        Map<String, ImportKind.Column> byAlias = aliases(kind);
        for (int i = 0; i < table.header().size(); i++) {
            String header = table.header().get(i);
            if (header.isBlank()) {
                continue;
            }
            ImportKind.Column column = byAlias.get(normalize(header));
            if (column == null) {
                unknown.add(header);
            } else if (column.readOnly()) {
                readOnly.add(header);
            } else {
                index.putIfAbsent(column.key(), i);
            }
        }
        List<String> missing = kind.columns().stream().filter(c -> c.required() && !index.containsKey(c.key())).map(ImportKind.Column::key).toList();
        if (!missing.isEmpty()) {
            return new Preview(kind, fileName, table.format(), updateExisting, missing, readOnly, unknown, List.of());
        }
        List<Raw> raws = new ArrayList<>(table.lines().size());
        for (SheetReader.Line line : table.lines()) {
            Map<String, String> values = new LinkedHashMap<>();
            index.forEach((key, i) -> values.put(key, line.cell(i)));
            raws.add(new Raw(line.number(), values));
        }
        List<Checked> checked = check(kind, raws, updateExisting, user);
        return new Preview(kind, fileName, table.format(), updateExisting, List.of(), readOnly, unknown,
                checked.stream().map(Checked::result).toList());
    }

    /** Imports the previewed file as the mode says; the rows are checked again first. */
    public Result commit(Preview preview, Mode mode, SummitUser user) {
        if (preview.refused()) {
            throw new UserFacingException("import.error.missingColumns", String.join("、",
                    preview.missingColumns().stream().map(c -> header(preview.kind(), c, Locales.DEFAULT)).toList()));
        }
        List<Raw> raws = preview.rows().stream().map(r -> new Raw(r.line(), r.values())).toList();
        List<Checked> checked = check(preview.kind(), raws, preview.updateExisting(), user);
        List<RowResult> notImported = new ArrayList<>();
        List<Checked> valid = new ArrayList<>();
        for (Checked c : checked) {
            if (c.result().action() == Action.ERROR) {
                notImported.add(c.result());
            } else {
                valid.add(c);
            }
        }
        int rejected = notImported.size();
        if (mode == Mode.WHOLE_FILE && rejected > 0) {
            long id = record(preview, mode, checked.size(), 0, 0, rejected, 0, Status.REFUSED, user);
            return new Result(id, Status.REFUSED, 0, 0, rejected, 0, notImported);
        }
        int created = 0;
        int updated = 0;
        int failed = 0;
        Set<Long> touchedCustomers = new HashSet<>();
        int batchSize = mode == Mode.WHOLE_FILE ? Math.max(1, valid.size()) : BATCH;
        for (int from = 0; from < valid.size(); from += batchSize) {
            List<Checked> batch = valid.subList(from, Math.min(valid.size(), from + batchSize));
            try {
                transactions.executeWithoutResult(status -> write(preview.kind(), batch, user));
                for (Checked c : batch) {
                    if (c.result().action() == Action.CREATE) {
                        created++;
                    } else {
                        updated++;
                    }
                    if (c.write() instanceof TieringRepository.Revenue r) {
                        touchedCustomers.add(r.customerId());
                    }
                }
            } catch (DataAccessException e) {
                // the batch's transaction is rolled back: none of its rows is in the database
                log.warn("Import of {} by {}: batch of lines {}–{} failed and was rolled back", preview.fileName(), user.username(),
                        batch.getFirst().result().line(), batch.getLast().result().line(), e);
                failed += batch.size();
                Translated reason = new Translated(e instanceof org.springframework.dao.DuplicateKeyException ? "import.reason.duplicate"
                        : "import.reason.database");
                for (Checked c : batch) {
                    notImported.add(new RowResult(c.result().line(), Action.ERROR, c.result().values(), List.of(Problem.of(null, "import.row.batchFailed",
                            batch.getFirst().result().line(), batch.getLast().result().line(), reason))));
                }
            }
        }
        if (!touchedCustomers.isEmpty()) {
            behaviour.recompute(touchedCustomers);
        }
        Status status = failed > 0 && created + updated == 0 ? Status.FAILED : rejected + failed > 0 ? Status.WITH_REJECTIONS : Status.COMPLETED;
        long id = record(preview, mode, checked.size(), created, updated, rejected, failed, status, user);
        log.info("Import {} of {} ({}) by {}: {} created, {} updated, {} rejected, {} failed", id, preview.fileName(), preview.kind(),
                user.username(), created, updated, rejected, failed);
        notImported.sort(java.util.Comparator.comparingInt(RowResult::line));
        return new Result(id, status, created, updated, rejected, failed, notImported);
    }

    /** The latest imports: the user's own, or everyone's for a manager or admin. */
    public List<ImportRepository.ImportRun> recent(SummitUser user) {
        return imports.recent(user.has(Role.MANAGER) || user.has(Role.ADMIN) ? null : user.username(), 10);
    }

    /** An empty file with the kind's headers in the user's language, to fill in. */
    public byte[] template(ImportKind kind, Locale locale) {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet(messages.getTranslation(kind.messageKey(), locale));
            var header = sheet.createRow(0);
            var text = book.createDataFormat().getFormat("@");
            int i = 0;
            for (ImportKind.Column column : kind.columns()) {
                if (column.readOnly()) {
                    continue;
                }
                header.createCell(i).setCellValue(messages.getTranslation(kind.headerKey(column.key()), locale));
                // every column as text, so that Excel keeps a credit code's or a month's characters as typed
                var style = book.createCellStyle();
                style.setDataFormat(text);
                sheet.setDefaultColumnStyle(i, style);
                sheet.setColumnWidth(i, 18 * 256);
                i++;
            }
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- checking ---------------------------------------------------------------------------------------------

    private record Raw(int line, Map<String, String> values) {}

    private record Checked(RowResult result, Object write) {}

    private List<Checked> check(ImportKind kind, List<Raw> raws, boolean updateExisting, SummitUser user) {
        return switch (kind) {
            case CUSTOMERS -> checkCustomers(raws, updateExisting, user);
            case CONTACTS -> checkContacts(raws, updateExisting, user);
            case REVENUE -> checkRevenue(raws, updateExisting, user);
        };
    }

    private List<Checked> checkCustomers(List<Raw> raws, boolean updateExisting, SummitUser user) {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Raw raw : raws) {
            String code = value(raw, "creditCode").toUpperCase(Locale.ROOT);
            if (!code.isEmpty()) {
                codes.add(code);
            }
            String name = value(raw, "name");
            if (!name.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        Map<String, ImportRepository.Existing> byCode = new HashMap<>();
        Map<String, ImportRepository.Existing> byName = new HashMap<>();
        for (ImportRepository.Existing e : imports.customers(codes, names, CustomerService.viewer(user))) {
            if (e.creditCode() != null) {
                byCode.put(e.creditCode(), e);
            }
            byName.put(com.summit.base.Names.clean(e.name()).toLowerCase(Locale.ROOT), e);
        }
        Owners owners = new Owners(users.findAll(), user);
        Choices<Industry> industries = choices(Industry.values(), Industry::messageKey);
        Choices<NeedType> needTypes = choices(NeedType.values(), NeedType::messageKey);
        Map<String, Integer> seenCodes = new HashMap<>();
        Map<String, Integer> seenNames = new HashMap<>();
        List<Checked> out = new ArrayList<>(raws.size());
        for (Raw raw : raws) {
            List<Problem> problems = new ArrayList<>();
            String name = value(raw, "name");
            String code = value(raw, "creditCode").toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                problems.add(Problem.of("name", "import.row.required", header(ImportKind.CUSTOMERS, "name")));
            } else {
                tooLong(problems, ImportKind.CUSTOMERS, "name", name, CustomerService.NAME_MAX);
            }
            if (!code.isEmpty() && !CreditCode.isValid(code)) {
                problems.add(Problem.of("creditCode", "import.row.creditCode", code));
            }
            Industry industry = enumValue(problems, ImportKind.CUSTOMERS, "industry", value(raw, "industry"), industries);
            NeedType need = enumValue(problems, ImportKind.CUSTOMERS, "needType", value(raw, "needType"), needTypes);
            String region = value(raw, "region");
            tooLong(problems, ImportKind.CUSTOMERS, "region", region, CustomerService.REGION_MAX);
            String address = value(raw, "address");
            tooLong(problems, ImportKind.CUSTOMERS, "address", address, CustomerService.ADDRESS_MAX);
            // inside the file: one row per company
            Integer sameCode = code.isEmpty() ? null : seenCodes.putIfAbsent(code, raw.line());
            Integer sameName = name.isEmpty() ? null : seenNames.putIfAbsent(name.toLowerCase(Locale.ROOT), raw.line());
            if (sameCode != null) {
                problems.add(Problem.of("creditCode", "import.row.duplicateInFile", sameCode));
            } else if (sameName != null) {
                problems.add(Problem.of("name", "import.row.duplicateInFile", sameName));
            }
            // against the database
            ImportRepository.Existing match = code.isEmpty() ? null : byCode.get(code);
            ImportRepository.Existing named = name.isEmpty() ? null : byName.get(name.toLowerCase(Locale.ROOT));
            Action action = Action.CREATE;
            if ((match != null && !match.visible()) || (named != null && !named.visible())) {
                // a customer the importer may not see: neither its name, its code nor its existence is told
                problems.add(Problem.of(null, "import.row.notAllowed"));
            } else if (match != null && named != null && match.id() != named.id()) {
                problems.add(Problem.of("creditCode", "import.row.codeOtherName", code, match.name()));
            } else if (match == null && named != null && named.creditCode() != null && !code.isEmpty()) {
                problems.add(Problem.of("creditCode", "import.row.nameOtherCode", named.name(), named.creditCode()));
            } else {
                ImportRepository.Existing existing = match != null ? match : named;
                if (existing != null) {
                    if (!updateExisting) {
                        problems.add(Problem.of(null, "import.row.exists", existing.name()));
                    } else {
                        action = Action.UPDATE;
                    }
                }
            }
            String ownerCell = value(raw, "owner");
            String owner = owners.resolve(problems, ownerCell, action == Action.CREATE);
            if (!problems.isEmpty()) {
                out.add(new Checked(new RowResult(raw.line(), Action.ERROR, raw.values(), List.copyOf(problems)), null));
                continue;
            }
            Long id = action == Action.UPDATE ? (match != null ? match : named).id() : null;
            var row = new ImportRepository.CustomerRow(id, name, code.isEmpty() ? null : code, industry == null ? null : industry.name(),
                    blankToNull(region), blankToNull(address), need == null ? null : need.name(), owner);
            out.add(new Checked(new RowResult(raw.line(), action, raw.values(), List.of()), row));
        }
        return out;
    }

    private List<Checked> checkContacts(List<Raw> raws, boolean updateExisting, SummitUser user) {
        CustomerLookup customers = customerLookup(raws, user);
        Map<String, Long> existing = imports.contacts(customers.ids());
        Map<String, Integer> seen = new HashMap<>();
        Choices<ContactRole> roles = choices(ContactRole.values(), ContactRole::messageKey);
        List<Checked> out = new ArrayList<>(raws.size());
        for (Raw raw : raws) {
            List<Problem> problems = new ArrayList<>();
            ImportRepository.Existing customer = customers.find(problems, ImportKind.CONTACTS, value(raw, "customer"));
            String name = value(raw, "name");
            if (name.isEmpty()) {
                problems.add(Problem.of("name", "import.row.required", header(ImportKind.CONTACTS, "name")));
            } else {
                tooLong(problems, ImportKind.CONTACTS, "name", name, ContactService.NAME_MAX);
            }
            String title = value(raw, "title");
            tooLong(problems, ImportKind.CONTACTS, "title", title, ContactService.TITLE_MAX);
            String roleCell = value(raw, "role");
            ContactRole role = null;
            if (roleCell.isEmpty()) {
                problems.add(Problem.of("role", "import.row.required", header(ImportKind.CONTACTS, "role")));
            } else {
                role = enumValue(problems, ImportKind.CONTACTS, "role", roleCell, roles);
            }
            int strength = 3;
            String strengthCell = value(raw, "strength");
            if (!strengthCell.isEmpty()) {
                try {
                    strength = new BigDecimal(strengthCell).intValueExact();
                    if (strength < 1 || strength > 5) {
                        problems.add(Problem.of("strength", "import.row.strength", strengthCell));
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    problems.add(Problem.of("strength", "import.row.strength", strengthCell));
                }
            }
            String preferences = value(raw, "preferences");
            tooLong(problems, ImportKind.CONTACTS, "preferences", preferences, ContactService.PREFERENCES_MAX);
            String notes = value(raw, "notes");
            tooLong(problems, ImportKind.CONTACTS, "notes", notes, ContactService.NOTES_MAX);
            Action action = Action.CREATE;
            Long id = null;
            if (customer != null && !name.isEmpty()) {
                String key = customer.id() + "/" + name.toLowerCase(Locale.ROOT);
                Integer same = seen.putIfAbsent(key, raw.line());
                if (same != null) {
                    problems.add(Problem.of("name", "import.row.duplicateInFile", same));
                }
                id = existing.get(key);
                if (id != null) {
                    if (updateExisting) {
                        action = Action.UPDATE;
                    } else {
                        problems.add(Problem.of("name", "import.row.contactExists", name, customer.name()));
                    }
                }
            }
            if (!problems.isEmpty()) {
                out.add(new Checked(new RowResult(raw.line(), Action.ERROR, raw.values(), List.copyOf(problems)), null));
                continue;
            }
            var row = new ImportRepository.ContactRow(id, customer.id(), name, blankToNull(title), role.name(), strength, blankToNull(preferences),
                    blankToNull(notes));
            out.add(new Checked(new RowResult(raw.line(), action, raw.values(), List.of()), row));
        }
        return out;
    }

    private List<Checked> checkRevenue(List<Raw> raws, boolean updateExisting, SummitUser user) {
        CustomerLookup customers = customerLookup(raws, user);
        Set<String> existing = imports.revenueKeys(customers.ids());
        Map<String, Integer> seen = new HashMap<>();
        YearMonth now = YearMonth.now(Locales.ZONE);
        Choices<LogisticsService> services = choices(LogisticsService.values(), LogisticsService::messageKey);
        List<Checked> out = new ArrayList<>(raws.size());
        for (Raw raw : raws) {
            List<Problem> problems = new ArrayList<>();
            ImportRepository.Existing customer = customers.find(problems, ImportKind.REVENUE, value(raw, "customer"));
            String monthCell = value(raw, "month");
            YearMonth month = null;
            if (monthCell.isEmpty()) {
                problems.add(Problem.of("month", "import.row.required", header(ImportKind.REVENUE, "month")));
            } else {
                month = month(monthCell);
                if (month == null) {
                    problems.add(Problem.of("month", "import.row.month", monthCell));
                } else if (month.isAfter(now)) {
                    problems.add(Problem.of("month", "import.row.futureMonth", month.toString()));
                    month = null;
                }
            }
            String serviceCell = value(raw, "service");
            LogisticsService service = null;
            if (serviceCell.isEmpty()) {
                problems.add(Problem.of("service", "import.row.required", header(ImportKind.REVENUE, "service")));
            } else {
                service = enumValue(problems, ImportKind.REVENUE, "service", serviceCell, services);
            }
            BigDecimal revenue = amount(problems, ImportKind.REVENUE, "revenue", value(raw, "revenue"));
            BigDecimal profit = amount(problems, ImportKind.REVENUE, "grossProfit", value(raw, "grossProfit"));
            if (revenue != null && revenue.signum() < 0) {
                problems.add(Problem.of("revenue", "import.row.negative", header(ImportKind.REVENUE, "revenue")));
            }
            if (revenue != null && profit != null && profit.compareTo(revenue) > 0) {
                problems.add(Problem.of("grossProfit", "import.row.profitAboveRevenue"));
            }
            Action action = Action.CREATE;
            if (customer != null && month != null && service != null) {
                String key = customer.id() + "/" + month.atDay(1) + "/" + service.name();
                Integer same = seen.putIfAbsent(key, raw.line());
                if (same != null) {
                    problems.add(Problem.of("month", "import.row.duplicateInFile", same));
                }
                if (existing.contains(key)) {
                    if (updateExisting) {
                        action = Action.UPDATE;
                    } else {
                        problems.add(Problem.of("month", "import.row.revenueExists", customer.name(), month.toString(),
                                new Translated(service.messageKey())));
                    }
                }
            }
            if (!problems.isEmpty()) {
                out.add(new Checked(new RowResult(raw.line(), Action.ERROR, raw.values(), List.copyOf(problems)), null));
                continue;
            }
            var row = new TieringRepository.Revenue(customer.id(), month.atDay(1), service.name(), revenue, profit);
            out.add(new Checked(new RowResult(raw.line(), action, raw.values(), List.of()), row));
        }
        return out;
    }

    /** An argument that is itself a bundle key, translated in the reader's language. */
    public record Translated(String key) {}

    /** The text of a problem in the user's language. */
    public String text(Problem problem, Locale locale) {
        Object[] args = problem.arguments().stream().map(a -> a instanceof Translated t ? messages.getTranslation(t.key(), locale) : a).toArray();
        return messages.getTranslation(problem.messageKey(), locale, args);
    }

    /** A column's header in the user's language. */
    public String header(ImportKind kind, String column, Locale locale) {
        return messages.getTranslation(kind.headerKey(column), locale);
    }

    private void write(ImportKind kind, List<Checked> batch, SummitUser user) {
        switch (kind) {
            case CUSTOMERS -> {
                imports.insertCustomers(rows(batch, Action.CREATE, ImportRepository.CustomerRow.class));
                imports.updateCustomers(rows(batch, Action.UPDATE, ImportRepository.CustomerRow.class));
            }
            case CONTACTS -> {
                imports.insertContacts(rows(batch, Action.CREATE, ImportRepository.ContactRow.class), user.username());
                imports.updateContacts(rows(batch, Action.UPDATE, ImportRepository.ContactRow.class));
            }
            case REVENUE -> revenue.insertRevenue(rows(batch, null, TieringRepository.Revenue.class));
        }
    }

    private static <T> List<T> rows(List<Checked> batch, Action action, Class<T> type) {
        return batch.stream().filter(c -> action == null || c.result().action() == action).map(c -> type.cast(c.write())).toList();
    }

    private long record(Preview preview, Mode mode, int total, int created, int updated, int rejected, int failed, Status status, SummitUser user) {
        String file = preview.fileName() == null || preview.fileName().isBlank() ? "?" : preview.fileName();
        if (file.length() > 255) {
            file = file.substring(0, 255);
        }
        return imports.record(preview.kind().name(), file, mode.name(), preview.updateExisting(), total, created, updated, rejected, failed,
                status.name(), user.username());
    }

    /** The customers the rows name (by credit code or exact name), looked up in one go. */
    private CustomerLookup customerLookup(List<Raw> raws, SummitUser user) {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Raw raw : raws) {
            String ref = value(raw, "customer");
            if (ref.isEmpty()) {
                continue;
            }
            if (CODE.matcher(ref.toUpperCase(Locale.ROOT)).matches()) {
                codes.add(ref.toUpperCase(Locale.ROOT));
            }
            names.add(ref.toLowerCase(Locale.ROOT));
        }
        return new CustomerLookup(imports.customers(codes, names, CustomerService.viewer(user)));
    }

    private final class CustomerLookup {

        private final Map<String, ImportRepository.Existing> byCode = new HashMap<>();
        private final Map<String, ImportRepository.Existing> byName = new HashMap<>();

        CustomerLookup(List<ImportRepository.Existing> found) {
            for (ImportRepository.Existing e : found) {
                if (!e.visible()) {
                    continue; // a customer the importer may not see is, for them, not there
                }
                if (e.creditCode() != null) {
                    byCode.put(e.creditCode(), e);
                }
                byName.put(e.name().strip().toLowerCase(Locale.ROOT), e);
            }
        }

        Set<Long> ids() {
            Set<Long> ids = new HashSet<>();
            byCode.values().forEach(e -> ids.add(e.id()));
            byName.values().forEach(e -> ids.add(e.id()));
            return ids;
        }

        ImportRepository.Existing find(List<Problem> problems, ImportKind kind, String ref) {
            if (ref.isEmpty()) {
                problems.add(Problem.of("customer", "import.row.required", header(kind, "customer")));
                return null;
            }
            ImportRepository.Existing e = byCode.get(ref.toUpperCase(Locale.ROOT));
            if (e == null) {
                e = byName.get(ref.toLowerCase(Locale.ROOT));
            }
            if (e == null) {
                problems.add(Problem.of("customer", "import.row.customerNotFound", ref));
            }
            return e;
        }
    }

    /** Who may own an imported customer: a rep or manager; a rep assigns only themselves, a manager their team. */
    private static final class Owners {

        private final Map<String, SummitUser> byUsername = new HashMap<>();
        private final Map<String, List<SummitUser>> byName = new HashMap<>();
        private final SummitUser importer;

        Owners(List<SummitUser> all, SummitUser importer) {
            this.importer = importer;
            for (SummitUser u : all) {
                byUsername.put(u.username().toLowerCase(Locale.ROOT), u);
                byName.computeIfAbsent(u.displayName().strip(), k -> new ArrayList<>()).add(u);
            }
        }

        /** The owner's username; null: keep (an update) or a problem was added. */
        String resolve(List<Problem> problems, String cell, boolean creating) {
            if (cell.isEmpty()) {
                if (!creating) {
                    return null;
                }
                if (importer.has(Role.REP) || importer.has(Role.MANAGER)) {
                    return importer.username();
                }
                problems.add(Problem.of("owner", "import.row.ownerRequired"));
                return null;
            }
            SummitUser owner = byUsername.get(cell.toLowerCase(Locale.ROOT));
            if (owner == null) {
                List<SummitUser> named = byName.getOrDefault(cell, List.of());
                if (named.size() > 1) {
                    problems.add(Problem.of("owner", "import.row.ownerAmbiguous", cell));
                    return null;
                }
                owner = named.isEmpty() ? null : named.getFirst();
            }
            if (owner == null) {
                problems.add(Problem.of("owner", "import.row.ownerUnknown", cell));
                return null;
            }
            if (!owner.has(Role.REP) && !owner.has(Role.MANAGER)) {
                problems.add(Problem.of("owner", "import.row.ownerNotSales", cell));
                return null;
            }
            boolean allowed = importer.has(Role.ADMIN) || owner.username().equals(importer.username())
                    || (importer.has(Role.MANAGER) && (importer.username().equals(owner.managerUsername())
                            || (importer.team() != null && !importer.team().isBlank() && importer.team().equals(owner.team()))));
            if (!allowed) {
                problems.add(Problem.of("owner", "import.row.ownerNotAllowed", owner.displayName()));
                return null;
            }
            return owner.username();
        }
    }

    // --- values -----------------------------------------------------------------------------------------------

    private static String value(Raw raw, String key) {
        String v = raw.values().get(key);
        // names are compared and stored in their clean form (NFKC, no invisible characters), as when typed in
        return v == null ? "" : key.equals("name") || key.equals("customer") ? com.summit.base.Names.clean(v) : v.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void tooLong(List<Problem> problems, ImportKind kind, String column, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.add(Problem.of(column, "import.row.tooLong", header(kind, column), max));
        }
    }

    private Translated header(ImportKind kind, String column) {
        return new Translated(kind.headerKey(column));
    }

    /** An enum's values by code and by label in Chinese and English (normalized), and the labels to offer. */
    private record Choices<E>(Map<String, E> byText, String labels) {}

    private <E extends Enum<E>> Choices<E> choices(E[] values, Function<E, String> messageKey) {
        Map<String, E> byText = new HashMap<>();
        for (E value : values) {
            byText.putIfAbsent(normalize(value.name()), value);
            byText.putIfAbsent(normalize(messages.getTranslation(messageKey.apply(value), Locales.ZH_CN)), value);
            byText.putIfAbsent(normalize(messages.getTranslation(messageKey.apply(value), Locale.ENGLISH)), value);
        }
        String labels = String.join("、", Arrays.stream(values).map(v -> messages.getTranslation(messageKey.apply(v), Locales.ZH_CN)).toList());
        return new Choices<>(byText, labels);
    }

    /** An enum value by its code or its label in Chinese or English; blank: null. */
    private <E> E enumValue(List<Problem> problems, ImportKind kind, String column, String cell, Choices<E> choices) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        E value = choices.byText().get(normalize(cell));
        if (value == null) {
            problems.add(Problem.of(column, "import.row.unknownValue", header(kind, column), cell, choices.labels()));
        }
        return value;
    }

    private static final Pattern AMOUNT_JUNK = Pattern.compile("[\\s,，¥￥元]|CNY|RMB", Pattern.CASE_INSENSITIVE);

    /** An amount in yuan: "1,234.50", "¥1234", "12.5万"; two decimals at most (rounded to the fen). */
    private BigDecimal amount(List<Problem> problems, ImportKind kind, String column, String cell) {
        if (cell.isEmpty()) {
            problems.add(Problem.of(column, "import.row.required", header(kind, column)));
            return null;
        }
        String text = AMOUNT_JUNK.matcher(cell).replaceAll("");
        BigDecimal factor = BigDecimal.ONE;
        if (text.endsWith("万")) {
            factor = BigDecimal.valueOf(10_000);
            text = text.substring(0, text.length() - 1);
        }
        try {
            BigDecimal value = new BigDecimal(text).multiply(factor).setScale(2, RoundingMode.HALF_UP);
            if (value.abs().compareTo(MAX_AMOUNT) > 0) {
                problems.add(Problem.of(column, "import.row.number", header(kind, column), cell));
                return null;
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(Problem.of(column, "import.row.number", header(kind, column), cell));
            return null;
        }
    }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})(?:\\s*月)?(?:\\s*[-/.]\\s*\\d{1,2}\\s*日?)?");
    private static final Pattern COMPACT_MONTH = Pattern.compile("(\\d{4})(\\d{2})");

    /** A month as people write it: 2026-01, 2026/1, 2026-01-01, 2026年1月, 202601; null when it is none of these. */
    static YearMonth month(String cell) {
        String text = cell.strip();
        Matcher m = MONTH.matcher(text);
        if (!m.matches()) {
            m = COMPACT_MONTH.matcher(text);
            if (!m.matches()) {
                return null;
            }
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        if (year < 2000 || year > 2100 || month < 1 || month > 12) {
            return null;
        }
        return YearMonth.of(year, month);
    }

    private Map<String, ImportKind.Column> aliases(ImportKind kind) {
        Map<String, ImportKind.Column> aliases = new HashMap<>();
        for (ImportKind.Column column : kind.columns()) {
            for (String alias : new LinkedHashSet<>(List.of(column.key(), messages.getTranslation(kind.headerKey(column.key()), Locales.ZH_CN),
                    messages.getTranslation(kind.headerKey(column.key()), Locale.ENGLISH)))) {
                aliases.putIfAbsent(normalize(alias), column);
            }
        }
        return aliases;
    }

    /** For matching headers and values: no spaces, no required-marks, no case. */
    static String normalize(String text) {
        return text.replaceAll("[\\s*＊_]", "").replace('（', '(').replace('）', ')').toLowerCase(Locale.ROOT);
    }
}
