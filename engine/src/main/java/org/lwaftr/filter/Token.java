package org.lwaftr.filter;

import java.util.ArrayList;
import java.util.List;

/** One token of a pcap-filter expression and where it starts (0-based character offset). */
final class Token {
    final String text;
    final int offset;

    private Token(String text, int offset) {
        this.text = text;
        this.offset = offset;
    }

    boolean is(String s) {
        return text.equals(s);
    }

    /**
     * Splits an expression: words (addresses, numbers, keywords, N-M ranges, A/len prefixes),
     * parentheses, {@code ! && || < <= > >= = == !=}. Anything else (byte access {@code [ ]},
     * arithmetic) is a token of its own, refused by the parser with its offset.
     */
    static List<Token> split(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isWordChar(c)) {
                int j = i;
                while (j < s.length() && isWordChar(s.charAt(j))) {
                    j++;
                }
                out.add(new Token(s.substring(i, j), i));
                i = j;
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (two.equals("&&") || two.equals("||") || two.equals("<=") || two.equals(">=")
                        || two.equals("==") || two.equals("!=")) {
                    out.add(new Token(two, i));
                    i += 2;
                } else {
                    out.add(new Token(String.valueOf(c), i));
                    i++;
                }
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '/' || c == '-' || c == '_' || c == '\\';
    }

    @Override
    public String toString() {
        return text;
    }
}
