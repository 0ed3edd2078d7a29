package com.summit.base;

import java.text.Normalizer;

/**
 * Names as people mean them: Unicode NFKC (full-width letters and digits become ordinary ones, compatibility forms their
 * plain letters), without the characters nobody sees (zero-width spaces and joiners, bidi controls, other format and
 * control characters), with runs of white space as one space and none at either end. Two names are the same name when
 * their clean forms are equal, ignoring case; a name that is empty once clean is no name.
 */
public final class Names {

    private Names() {}

    /** The clean form of a name; "" for null. */
    public static String clean(String name) {
        if (name == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean space = false;
        for (int i = 0; i < nfkc.length(); ) {
            int c = nfkc.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (type == Character.FORMAT || type == Character.CONTROL || type == Character.PRIVATE_USE || type == Character.SURROGATE
                    || type == Character.UNASSIGNED) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(c);
        }
        return out.toString();
    }

    /** The clean form, or null when nothing is left (for optional fields). */
    public static String cleanOrNull(String name) {
        String clean = clean(name);
        return clean.isEmpty() ? null : clean;
    }
}
