package org.lwaftr.pipeconf.codegen;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Paths of the pipeconf module and the repository, as the tests see them (Maven runs tests in the
 * module directory and sets {@code basedir}).
 */
final class ModulePaths {

    private ModulePaths() {
    }

    static Path module() {
        return Paths.get(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    static Path repository() {
        return module().getParent();
    }

    static Path resources() {
        return module().resolve("src/main/resources");
    }

    static Path sources() {
        return module().resolve("src/main/java");
    }

    static Path committedP4Info() {
        return resources().resolve("lwaftr.p4info.txt");
    }

    static Path committedBmv2Json() {
        return resources().resolve("lwaftr.json");
    }
}
