package org.lwaftr.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lwaftr.codec.BindingTableJson;
import org.lwaftr.codec.InvalidInputException;
import org.lwaftr.core.Softwire;

import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads RFC 8676 JSON binding tables ({@link BindingTableJson}); refuses other Content-Types with
 * 415 until the {@code org.lwaftr.core.io} readers are wired (see {@link BindingTableReader}).
 */
public class JsonBindingTableReader implements BindingTableReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Table read(MediaType type, InputStream body) throws IOException {
        if (!type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new NotSupportedException("Content-Type " + type + " is not supported yet: send RFC 8676 JSON"
                    + " (application/json)");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(LwaftrWebResource.BODY, "the request body is not valid JSON: line "
                    + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        }
        if (json == null || json.isMissingNode()) {
            throw new InvalidInputException(LwaftrWebResource.BODY, "the request body is empty: JSON expected");
        }
        List<Softwire> softwires = BindingTableJson.decode(json);
        return new Table() {
            @Override
            public List<Softwire> softwires() {
                return softwires;
            }

            @Override
            public String where(int index) {
                return "entry " + index;
            }
        };
    }
}
