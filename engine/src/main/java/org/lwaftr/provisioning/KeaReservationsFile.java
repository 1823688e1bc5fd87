package org.lwaftr.provisioning;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.lwaftr.core.Softwire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps a Kea DHCPv6 reservations file (RFC 7598 lw4o6 options per lwB4) equal to the binding table,
 * so the lwB4s' provisioning and the AFTR never drift (RFC 7596 §6.1): rewritten, atomically, when
 * the table's version or the identities file changes, checked every period. Both hosts run it when
 * the operator names the two files. Thread-safe.
 */
public final class KeaReservationsFile implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KeaReservationsFile.class);

    private final Path identities;
    private final Path out;
    private final LongSupplier tableVersion;
    private final Supplier<Collection<Softwire>> softwires;
    private ScheduledExecutorService timer;
    private long writtenVersion = Long.MIN_VALUE;
    private FileTime identitiesSeen;

    /**
     * @param identities   CSV of lwB4 address → DUID or hardware address ({@link LwB4Identities})
     * @param out          the reservations file (replaced atomically)
     * @param tableVersion the binding table's version (changes with every change)
     * @param softwires    the binding table's softwires
     */
    public KeaReservationsFile(Path identities, Path out, LongSupplier tableVersion,
                               Supplier<Collection<Softwire>> softwires) {
        this.identities = Objects.requireNonNull(identities);
        this.out = out.toAbsolutePath();
        this.tableVersion = tableVersion;
        this.softwires = softwires;
    }

    /**
     * Rewrites the file if the table or the identities changed since the last write.
     *
     * @return the reservations written, or -1 if nothing changed
     * @throws IOException                 if a file cannot be read or written
     * @throws ProvisioningInputException naming the identities file's line
     */
    public synchronized int refresh() throws IOException {
        long version = tableVersion.getAsLong();
        FileTime idTime = Files.getLastModifiedTime(identities);
        if (version == writtenVersion && idTime.equals(identitiesSeen)) {
            return -1;
        }
        LwB4Identities ids;
        try (Reader r = Files.newBufferedReader(identities, StandardCharsets.UTF_8)) {
            ids = LwB4Identities.read(r, identities.toString());
        }
        KeaS46Reservations res = KeaS46Reservations.of(softwires.get(), ids);
        write(out, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(res.reservations()) + "\n");
        writtenVersion = version;
        identitiesSeen = idTime;
        if (!res.skipped().isEmpty()) {
            log.warn("{}: {} softwires without an lwB4 identity skipped, e.g. {}", out, res.skipped().size(),
                    res.skipped().get(0));
        }
        return res.reservations().size();
    }

    /**
     * Replaces {@code target} by {@code text} atomically (Kea never reads half a file).
     *
     * @throws IOException if it cannot be written
     */
    public static void write(Path target, String text) throws IOException {
        Path t = target.toAbsolutePath();
        Path tmp = Files.createTempFile(t.getParent(), ".lwaftr-kea", ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Checks every {@code periodMillis}, from now; errors are logged once per change that caused them.
     *
     * @param periodMillis the period
     */
    public synchronized void start(long periodMillis) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lwaftr-kea-reservations");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::refreshLogged, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void refreshLogged() {
        long version = tableVersion.getAsLong();
        try {
            int n = refresh();
            if (n >= 0) {
                log.info("{}: {} reservations for table version {}", out, n, version);
            }
        } catch (IOException | RuntimeException e) {
            synchronized (this) { // not again until the table or the identities change
                writtenVersion = version;
                try {
                    identitiesSeen = Files.getLastModifiedTime(identities);
                } catch (IOException ignored) {
                    identitiesSeen = null;
                }
            }
            log.error("{} not rewritten: {}", out, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
