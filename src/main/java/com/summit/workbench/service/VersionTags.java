package com.summit.workbench.service;

import com.summit.engine.ModelVersion;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets a process's version tag ({@code zeebe:versionTag}, which the engine keeps with the version) in the BPMN text
 * itself, leaving the rest of the file as it was written. Decision tables and forms keep their tag in Summit only.
 */
final class VersionTags {

    static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
    private static final Pattern ZEEBE_PREFIX = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)=\"" + Pattern.quote(ZEEBE_NS) + "\"");
    private static final Pattern PROCESS = Pattern.compile("<(?:([A-Za-z_][\\w.-]*):)?process\\b[^>]*?(/?)>");
    private static final Pattern DEFINITIONS = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?definitions\\b");

    private VersionTags() {}

    /** The content with the tag set on every process (replaced where it had one). Blank tag: the content as it is. */
    static String apply(ModelVersion.Kind kind, String content, String tag) {
        if (kind != ModelVersion.Kind.BPMN || tag == null || tag.isBlank()) {
            return content;
        }
        String value = escape(tag.strip());
        String xml = content;
        Matcher zm = ZEEBE_PREFIX.matcher(xml);
        String z;
        if (zm.find()) {
            z = zm.group(1);
        } else {
            Matcher dm = DEFINITIONS.matcher(xml);
            if (!dm.find()) {
                return content;
            }
            z = "zeebe";
            xml = xml.substring(0, dm.end()) + " xmlns:zeebe=\"" + ZEEBE_NS + "\"" + xml.substring(dm.end());
        }
        Pattern existing = Pattern.compile("<" + Pattern.quote(z) + ":versionTag\\s+value=\"[^\"]*\"\\s*/>");
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher pm = PROCESS.matcher(xml);
        while (pm.find(from)) {
            String p = pm.group(1) == null ? "" : pm.group(1) + ":";
            String tagElement = "<" + z + ":versionTag value=\"" + value + "\" />";
            out.append(xml, from, pm.start());
            if (!pm.group(2).isEmpty()) {
                // <process … /> with nothing inside
                String open = pm.group().substring(0, pm.group().length() - 2).stripTrailing() + ">";
                out.append(open).append("<").append(p).append("extensionElements>").append(tagElement).append("</").append(p)
                        .append("extensionElements></").append(p).append("process>");
                from = pm.end();
                continue;
            }
            out.append(pm.group());
            int end = xml.indexOf("</" + p + "process>", pm.end());
            int bodyEnd = end < 0 ? xml.length() : end;
            String body = xml.substring(pm.end(), bodyEnd);
            Matcher lead = Pattern.compile("^(\\s*(?:<!--.*?-->\\s*)*)<" + Pattern.quote(p) + "extensionElements>", Pattern.DOTALL).matcher(body);
            if (lead.find()) {
                int extEnd = body.indexOf("</" + p + "extensionElements>", lead.end());
                String ext = body.substring(lead.end(), extEnd);
                Matcher em = existing.matcher(ext);
                String newExt = em.find() ? ext.substring(0, em.start()) + tagElement + ext.substring(em.end()) : tagElement + ext;
                body = body.substring(0, lead.end()) + newExt + body.substring(extEnd);
            } else {
                body = "<" + p + "extensionElements>" + tagElement + "</" + p + "extensionElements>" + body;
            }
            out.append(body);
            from = bodyEnd;
        }
        out.append(xml.substring(from));
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
