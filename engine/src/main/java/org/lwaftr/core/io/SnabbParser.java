package org.lwaftr.core.io;

import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.io.SnabbLexer.Kind;
import org.lwaftr.core.io.SnabbLexer.Token;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the Snabb configuration syntax into events: every statement is
 * {@code keyword [argument] ;} (a leaf) or {@code keyword [argument] { statements }} (a block), as
 * in Snabb's {@code lib/yang/parser.lua}. Quoted arguments may be joined with '+'. Events, not a
 * tree, so that a million softwires can be read without holding them all as nodes.
 */
final class SnabbParser {

    /** Receives the statements in file order. */
    interface Listener {
        /** A leaf statement; {@code argument} is null for "keyword;". */
        void leaf(Token keyword, Token argument);

        /** A block opens; {@code argument} is usually null. */
        void enter(Token keyword, Token argument);

        /** The innermost open block closes at {@code close}. */
        void exit(Token close);
    }

    private final SnabbLexer lexer;
    private final Listener listener;
    private final List<Token> open = new ArrayList<>();

    private SnabbParser(Reader in, Listener listener) {
        this.lexer = new SnabbLexer(in);
        this.listener = listener;
    }

    /**
     * @param in       the text
     * @param listener receives the statements
     * @throws IOException             on read errors
     * @throws InvalidBindingException at the line and column of a syntax error (or whatever the
     *                                 listener throws)
     */
    static void parse(Reader in, Listener listener) throws IOException {
        new SnabbParser(in, listener).run();
    }

    private String path(String last) {
        StringBuilder b = new StringBuilder();
        for (Token t : open) {
            b.append(t.text).append('.');
        }
        return last == null ? (b.length() == 0 ? null : b.substring(0, b.length() - 1)) : b.append(last).toString();
    }

    private void run() throws IOException {
        while (true) {
            Token kw = lexer.next();
            switch (kw.kind) {
                case EOF:
                    if (!open.isEmpty()) {
                        Token t = open.get(open.size() - 1);
                        throw Where.error(kw.line, kw.column, path(null), "unterminated block: '" + t.text
                                + " {' opened at line " + t.line + " has no closing '}'");
                    }
                    return;
                case CLOSE:
                    if (open.isEmpty()) {
                        throw Where.error(kw.line, kw.column, null, "unexpected '}': no block is open");
                    }
                    open.remove(open.size() - 1);
                    listener.exit(kw);
                    break;
                case WORD:
                    statement(kw);
                    break;
                default:
                    throw Where.error(kw.line, kw.column, path(null), "expected a keyword, got " + kw.shown());
            }
        }
    }

    private void statement(Token kw) throws IOException {
        if (!isKeyword(kw.text)) {
            throw Where.error(kw.line, kw.column, path(null), "'" + kw.text + "' is not a keyword");
        }
        Token t = lexer.next();
        Token arg = null;
        if (t.kind == Kind.WORD || t.kind == Kind.STRING) {
            arg = t;
            t = lexer.next();
            while (arg.kind == Kind.STRING && t.kind == Kind.WORD && t.text.equals("+")) {
                Token more = lexer.next();
                if (more.kind != Kind.STRING) {
                    throw Where.error(more.line, more.column, path(kw.text), "expected a quoted string after '+'");
                }
                arg = new Token(Kind.STRING, arg.text + more.text, arg.line, arg.column);
                t = lexer.next();
            }
        }
        if (t.kind == Kind.SEMI) {
            listener.leaf(kw, arg);
        } else if (t.kind == Kind.OPEN) {
            open.add(kw);
            listener.enter(kw, arg);
        } else {
            String stmt = kw.text + (arg == null ? "" : " " + arg.text);
            throw Where.error(t.line, t.column, path(kw.text), "expected ';' or '{' after '" + stmt + "', got "
                    + t.shown() + (t.line > kw.line ? " (missing ';' at the end of line " + kw.line + "?)" : ""));
        }
    }

    private static boolean isKeyword(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':')) {
                return false;
            }
        }
        return true;
    }
}
