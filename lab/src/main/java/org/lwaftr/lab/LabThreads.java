package org.lwaftr.lab;

import java.util.concurrent.ThreadFactory;

/** Daemon threads for the lab's workers: they must not keep the JVM alive after main ends. */
final class LabThreads {

    private LabThreads() {
    }

    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
