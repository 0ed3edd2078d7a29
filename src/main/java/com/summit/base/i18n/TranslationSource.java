package com.summit.base.i18n;

import java.util.Optional;

/** Texts kept outside the bundles (the English a process owner wrote for a model's texts), consulted after them. */
public interface TranslationSource {

    Optional<String> find(String key, java.util.Locale locale);
}
