package org.lwaftr.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.codec.ChangeBatchCodec;
import org.lwaftr.codec.CliText;
import org.lwaftr.codec.InvalidInputException;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.InvalidBindingException;
import org.onosproject.cli.AbstractShellCommand;

import java.util.List;

/**
 * What the lwAFTR commands share: the service, JSON output ({@code -j}), and errors printed as one
 * line naming the field (nothing was applied).
 */
public abstract class LwaftrCommand extends AbstractShellCommand {

    /** @return the lwAFTR service */
    protected LwaftrService service() {
        return get(LwaftrService.class);
    }

    @Override
    protected final void doExecute() {
        try {
            run();
        } catch (InvalidInputException | InvalidBindingException e) {
            error("Error: %s (nothing was applied)", e.getMessage());
        } catch (IllegalStateException e) {
            error("Error: %s (nothing was applied; try again)", e.getMessage());
        }
    }

    /** The command itself. */
    protected abstract void run();

    /**
     * @param json what to print for {@code -j}
     */
    protected void printJson(JsonNode json) {
        try {
            print("%s", mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            print("%s", json.toString());
        }
    }

    /**
     * Applies a batch through the service and prints what changed.
     *
     * @param changes the batch
     */
    protected void applyAndPrint(List<BindingChange> changes) {
        LwaftrService service = service();
        BindingDiff diff = service.apply(changes);
        if (outputJson()) {
            printJson(ChangeBatchCodec.encode(diff, service.tableVersion()));
        } else {
            print("%s", CliText.diff(diff, service.tableVersion()));
        }
    }

    /**
     * @param lines lines to print
     */
    protected void printLines(List<String> lines) {
        lines.forEach(l -> print("%s", l));
    }
}
