package org.lwaftr.core.io;

import java.util.Locale;

/** The binding-table file formats. */
public enum BindingFormat {
    /** RFC 8676 {@code ietf-softwire-br} data in the RFC 7951 JSON encoding. */
    RFC8676_JSON,
    /** The Snabb lwAFTR's {@code snabb-softwire-v3} configuration syntax. */
    SNABB,
    /** CSV with the header {@code ipv4,psid_offset,psid_len,psid,lwb4,br}. */
    CSV;

    /**
     * @param fileName a file name
     * @return the format its extension names (.json, .csv, .conf/.lwaftr), or null
     */
    public static BindingFormat byExtension(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) {
            return RFC8676_JSON;
        }
        if (n.endsWith(".csv")) {
            return CSV;
        }
        if (n.endsWith(".conf") || n.endsWith(".lwaftr")) {
            return SNABB;
        }
        return null;
    }

    /**
     * Guesses the format from the start of a file: JSON starts with '{' or '[', CSV with its
     * header, anything else is taken for Snabb syntax.
     *
     * @param head the first characters of the file
     * @return the format
     */
    public static BindingFormat byContent(CharSequence head) {
        int i = 0;
        int n = head.length();
        while (i < n) {
            char c = head.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (c == '#' || head.subSequence(i, Math.min(n, i + 2)).toString().equals("//")) {
                while (i < n && head.charAt(i) != '\n') {
                    i++;
                }
            } else if (head.subSequence(i, Math.min(n, i + 2)).toString().equals("/*")) {
                int end = head.toString().indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        if (i == n) {
            return SNABB;
        }
        char c = head.charAt(i);
        if (c == '{' || c == '[') {
            return RFC8676_JSON;
        }
        String rest = head.subSequence(i, Math.min(n, i + CsvBindings.HEADER.length())).toString();
        return rest.replace(" ", "").startsWith("ipv4,") ? CSV : SNABB;
    }
}
