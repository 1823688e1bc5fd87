package org.lwaftr.lab.p4rt;

import com.google.common.io.Resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The hand-written test P4Info (src/test/resources/encoder-fixture.p4info.txtpb; not compiled from pipeline.p4). */
final class TestP4Info {
    private TestP4Info() {
    }

    static P4InfoIndex load() {
        try {
            return P4InfoIndex.parseText(Resources.toString(Resources.getResource("encoder-fixture.p4info.txtpb"),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
