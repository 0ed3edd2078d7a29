package com.summit.base;

import java.util.Map;

/**
 * A SQL condition one feature hands another (for example "the deals this user may see"), with its named
 * parameters. Every value is a parameter; the text holds only fixed SQL.
 */
public record SqlCondition(String sql, Map<String, Object> params) {

    public SqlCondition {
        params = Map.copyOf(params);
    }

    public static SqlCondition always() {
        return new SqlCondition("true", Map.of());
    }
}
