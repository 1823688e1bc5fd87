package org.lwaftr.pipeconf.codegen;

import static org.junit.Assert.fail;

/**
 * Compact equality check for large text files: on a mismatch the failure names the first differing
 * line instead of printing both files.
 */
final class TextDiff {

    private TextDiff() {
    }

    static void assertSameText(String what, String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int line = 0;
        while (line < e.length && line < a.length && e[line].equals(a[line])) {
            line++;
        }
        fail(String.format("%s%nfirst difference at line %d:%n  expected: %s%n  actual:   %s", what, line + 1,
                line < e.length ? e[line] : "<end of file>", line < a.length ? a[line] : "<end of file>"));
    }
}
