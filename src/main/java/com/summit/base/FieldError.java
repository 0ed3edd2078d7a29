package com.summit.base;

/** One refused field: which field, and a message key with its arguments. */
public record FieldError(String field, String fieldLabel, String messageKey, Object... arguments) {}
