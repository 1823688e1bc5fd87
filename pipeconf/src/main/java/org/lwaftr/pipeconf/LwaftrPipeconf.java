package org.lwaftr.pipeconf;

import org.onosproject.net.behaviour.Pipeliner;
import org.onosproject.net.pi.model.DefaultPiPipeconf;
import org.onosproject.net.pi.model.PiPipeconf;
import org.onosproject.net.pi.model.PiPipeconfId;
import org.onosproject.net.pi.model.PiPipelineInterpreter;
import org.onosproject.p4runtime.model.P4InfoParser;
import org.onosproject.p4runtime.model.P4InfoParserException;

import java.net.URL;

import static org.onosproject.net.pi.model.PiPipeconf.ExtensionType.BMV2_JSON;
import static org.onosproject.net.pi.model.PiPipeconf.ExtensionType.CPU_PORT_TXT;
import static org.onosproject.net.pi.model.PiPipeconf.ExtensionType.P4_INFO_TEXT;

/**
 * The lwAFTR pipeconf: pipeline.p4 compiled for bmv2, its P4Info, interpreter and pipeliner.
 */
public final class LwaftrPipeconf {

    /** Identifier of the pipeconf; devices are bound to it by this id. */
    public static final PiPipeconfId ID = new PiPipeconfId("org.lwaftr.pipeconf.lwaftr");

    /** Bundle resource: P4Info in protobuf text format. */
    public static final String P4INFO_RESOURCE = "/lwaftr.p4info.txt";
    /** Bundle resource: the bmv2 JSON p4c compiled from pipeline.p4. */
    public static final String BMV2_JSON_RESOURCE = "/lwaftr.json";
    /** Bundle resource: the CPU port number (generated from the P4Info). */
    public static final String CPU_PORT_RESOURCE = "/lwaftr.cpu_port.txt";

    private LwaftrPipeconf() {
    }

    /**
     * Builds the pipeconf from the bundle's resources.
     *
     * @return the pipeconf
     * @throws IllegalStateException if a resource is missing or ONOS cannot parse the P4Info
     */
    public static PiPipeconf build() {
        URL p4Info = resource(P4INFO_RESOURCE);
        try {
            return DefaultPiPipeconf.builder()
                    .withId(ID)
                    .withPipelineModel(P4InfoParser.parse(p4Info))
                    .addBehaviour(PiPipelineInterpreter.class, LwaftrInterpreter.class)
                    .addBehaviour(Pipeliner.class, LwaftrPipeliner.class)
                    .addBehaviour(LwaftrCells.class, LwaftrCellsImpl.class)
                    .addExtension(P4_INFO_TEXT, p4Info)
                    .addExtension(BMV2_JSON, resource(BMV2_JSON_RESOURCE))
                    .addExtension(CPU_PORT_TXT, resource(CPU_PORT_RESOURCE))
                    .build();
        } catch (P4InfoParserException e) {
            throw new IllegalStateException("ONOS cannot parse " + P4INFO_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static URL resource(String name) {
        URL url = LwaftrPipeconf.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("pipeconf resource missing from the bundle: " + name);
        }
        return url;
    }
}
