package com.summit.customer.service;

import java.util.List;

/**
 * What a file imports, and its columns. A column is found by its key, or by its header in Chinese or English (the
 * bundles' {@code import.<kind>.<key>}); the customer columns are those the export writes, so an exported file
 * re-imports. Read-only columns (the tier, the 12-month figures) are recognised and left alone: the tier is the
 * rules' to set.
 */
public enum ImportKind {
    CUSTOMERS(List.of(Column.required("name"), Column.required("creditCode"), Column.optional("industry"), Column.optional("region"),
            Column.optional("address"), Column.optional("needType"), Column.readOnly("tier"), Column.optional("owner"),
            Column.readOnly("revenue12m"), Column.readOnly("profit12m"))),
    CONTACTS(List.of(Column.required("customer"), Column.required("name"), Column.optional("title"), Column.required("role"),
            Column.optional("strength"), Column.optional("preferences"), Column.optional("notes"))),
    REVENUE(List.of(Column.required("customer"), Column.required("month"), Column.required("service"), Column.required("revenue"),
            Column.required("grossProfit")));

    /** A column of the file: its key, and whether the file must have it, or whether it is only for reading. */
    public record Column(String key, boolean required, boolean readOnly) {

        static Column required(String key) {
            return new Column(key, true, false);
        }

        static Column optional(String key) {
            return new Column(key, false, false);
        }

        static Column readOnly(String key) {
            return new Column(key, false, true);
        }
    }

    private final List<Column> columns;

    ImportKind(List<Column> columns) {
        this.columns = columns;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The bundle key of a column's header. */
    public String headerKey(String column) {
        return "import." + name().toLowerCase(java.util.Locale.ROOT) + "." + column;
    }

    public String messageKey() {
        return "import.kind." + name();
    }
}
