package com.summit.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * Every user-visible string: {@code i18n/messages.properties} (zh-CN, the default) and
 * {@code i18n/messages_en.properties}. Serves Vaadin's {@code getTranslation} and the services.
 */
@Component
public class Messages implements I18NProvider {

    static final String BUNDLE = "i18n/messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final org.springframework.beans.factory.ObjectProvider<TranslationSource> sources;

    /** The bundles and the texts kept outside them. */
    @org.springframework.beans.factory.annotation.Autowired
    public Messages(org.springframework.beans.factory.ObjectProvider<TranslationSource> sources) {
        this.sources = sources;
    }

    /** The bundles alone (unit tests). */
    public Messages() {
        this.sources = null;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Locales.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return find(key, locale).map(pattern -> format(pattern, locale, params)).orElse("!" + key);
    }

    /** The text for a key, if the bundle has one. */
    public Optional<String> find(String key, Locale locale) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(bundle(locale).getString(key));
        } catch (MissingResourceException e) {
            if (sources == null || Locales.supported(locale).equals(Locales.ZH_CN)) {
                return Optional.empty();
            }
            return sources.orderedStream().map(s -> s.find(key, locale)).flatMap(Optional::stream).findFirst();
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale supported = Locales.supported(locale);
        return supported.equals(Locales.ZH_CN)
                ? ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK)
                : ResourceBundle.getBundle(BUNDLE, supported, NO_FALLBACK);
    }

    /**
     * An argument that is itself a message: rendered in the language of the text it goes into, so a service that has
     * no reader's language at hand (a refusal it throws) still passes codes, not Chinese.
     */
    public record Key(String key, String fallback) {}

    private String format(String pattern, Locale locale, Object... params) {
        if (params == null || params.length == 0) {
            return pattern;
        }
        Object[] rendered = params.clone();
        for (int i = 0; i < rendered.length; i++) {
            if (rendered[i] instanceof Key k) {
                rendered[i] = find(k.key(), locale).orElse(k.fallback());
            }
        }
        return new MessageFormat(pattern, locale).format(rendered);
    }
}
