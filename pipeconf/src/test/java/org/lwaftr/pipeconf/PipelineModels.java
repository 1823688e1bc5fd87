package org.lwaftr.pipeconf;

import org.onosproject.net.pi.model.PiPipelineModel;
import org.onosproject.p4runtime.model.P4InfoParser;
import org.onosproject.p4runtime.model.P4InfoParserException;

import java.net.URL;

/** The pipeline model ONOS makes of the bundled P4Info, parsed once for all tests. */
final class PipelineModels {

    private static PiPipelineModel model;

    private PipelineModels() {
    }

    static URL p4InfoUrl() {
        return LwaftrPipeconf.class.getResource(LwaftrPipeconf.P4INFO_RESOURCE);
    }

    static synchronized PiPipelineModel lwaftr() throws P4InfoParserException {
        if (model == null) {
            model = P4InfoParser.parse(p4InfoUrl());
        }
        return model;
    }
}
