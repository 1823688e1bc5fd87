package org.lwaftr.core.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Tokens of the Snabb configuration syntax (the YANG-derived data syntax of Snabb's
 * {@code lib/yang}): words, quoted strings, '{', '}' and ';', with {@code //} and
 * {@code /* *}{@code /} comments skipped. A word runs to whitespace, ';', '{', '}', a quote or
 * the start of a comment, so "2001:db8::/64" is one word. Double-quoted strings know the escapes
 * \n \t \" \\; single-quoted strings are literal. Streams from a buffer: no whole-file string.
 */
final class SnabbLexer {

    /** Token kinds. */
    enum Kind { WORD, STRING, OPEN, CLOSE, SEMI, EOF }

    /** One token and where it starts (1-based line and column). */
    static final class Token {
        final Kind kind;
        final String text;
        final int line;
        final int column;

        Token(Kind kind, String text, int line, int column) {
            this.kind = kind;
            this.text = text;
            this.line = line;
            this.column = column;
        }

        /** @return the token as the operator wrote it, for messages */
        String shown() {
            switch (kind) {
                case EOF:
                    return "end of file";
                case STRING:
                    return "\"" + text + "\"";
                default:
                    return "'" + text + "'";
            }
        }
    }

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder sb = new StringBuilder(64);
    private int pos;
    private int lim;
    private int line = 1;
    private int column = 1;

    SnabbLexer(Reader in) {
        this.in = in;
    }

    /** Makes at least n characters available unless the input ends; returns how many are. */
    private int ensure(int n) throws IOException {
        if (lim - pos >= n) {
            return lim - pos;
        }
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
        while (lim < n) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                break;
            }
            lim += r;
        }
        return lim - pos;
    }

    private char take() {
        char c = buf[pos++];
        if (c == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        return c;
    }

    private boolean commentAhead() throws IOException {
        return ensure(2) >= 2 && buf[pos] == '/' && (buf[pos + 1] == '/' || buf[pos + 1] == '*');
    }

    /**
     * @return the next token
     * @throws IOException on read errors
     * @throws org.lwaftr.core.InvalidBindingException for an unterminated string or comment
     */
    Token next() throws IOException {
        skipBlanks();
        int l = line;
        int c = column;
        if (ensure(1) == 0) {
            return new Token(Kind.EOF, "", l, c);
        }
        char ch = buf[pos];
        switch (ch) {
            case '{':
                take();
                return new Token(Kind.OPEN, "{", l, c);
            case '}':
                take();
                return new Token(Kind.CLOSE, "}", l, c);
            case ';':
                take();
                return new Token(Kind.SEMI, ";", l, c);
            case '"':
            case '\'':
                take();
                return new Token(Kind.STRING, quoted(ch, l, c), l, c);
            default:
                return new Token(Kind.WORD, word(), l, c);
        }
    }

    private void skipBlanks() throws IOException {
        while (ensure(1) > 0) {
            char ch = buf[pos];
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\uFEFF') {
                take();
            } else if (ch == '/' && commentAhead()) {
                int l = line;
                int c = column;
                take();
                if (take() == '/') {
                    while (ensure(1) > 0 && buf[pos] != '\n') {
                        take();
                    }
                } else {
                    blockComment(l, c);
                }
            } else {
                return;
            }
        }
    }

    private void blockComment(int l, int c) throws IOException {
        while (ensure(2) >= 2) {
            if (buf[pos] == '*' && buf[pos + 1] == '/') {
                take();
                take();
                return;
            }
            take();
        }
        throw Where.error(l, c, null, "unterminated comment: '/*' has no '*/'");
    }

    private String word() throws IOException {
        sb.setLength(0);
        while (ensure(1) > 0) {
            char ch = buf[pos];
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == ';' || ch == '{' || ch == '}'
                    || ch == '"' || ch == '\'' || (ch == '/' && commentAhead())) {
                break;
            }
            sb.append(take());
        }
        return sb.toString();
    }

    private String quoted(char quote, int l, int c) throws IOException {
        sb.setLength(0);
        while (true) {
            if (ensure(1) == 0) {
                throw Where.error(l, c, null, "unterminated string: the " + quote + " opened here is never closed");
            }
            char ch = take();
            if (ch == quote) {
                return sb.toString();
            }
            if (ch == '\\' && quote == '"' && ensure(1) > 0) {
                char e = buf[pos];
                if (e == 'n' || e == 't' || e == '"' || e == '\\') {
                    take();
                    sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                    continue;
                }
            }
            sb.append(ch);
            if (ch == '\n') {
                // Continuation lines lose the indentation up to the opening quote (YANG, RFC 7950 §6.1.3).
                while (column <= c && ensure(1) > 0 && (buf[pos] == ' ' || buf[pos] == '\t')) {
                    take();
                }
            }
        }
    }
}
