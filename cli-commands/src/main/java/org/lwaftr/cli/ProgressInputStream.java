package org.lwaftr.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Reports how much of a large file has been read, at most every two seconds. */
final class ProgressInputStream extends FilterInputStream {
    private static final long EVERY_NANOS = 2_000_000_000L;

    private final long size;
    private final Consumer<String> report;
    private long read;
    private long last = System.nanoTime();

    /**
     * @param in     the file's stream
     * @param size   its size in bytes
     * @param report gets lines like "43% (112 of 260 MB)"
     */
    ProgressInputStream(InputStream in, long size, Consumer<String> report) {
        super(in);
        this.size = size;
        this.report = report;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS && size > 0) {
            last = now;
            report.accept(String.format("%d%% (%d of %d MB)", read * 100 / size, read >> 20, size >> 20));
        }
    }
}
