package org.lwaftr.cli;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.config.DeviceSettings;
import org.onosproject.cli.AbstractChoicesCompleter;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.onosproject.cli.AbstractShellCommand.get;

/**
 * Completes the BR addresses configured on the AFTR devices and those used by the first softwires.
 */
@Service
public class BrCompleter extends AbstractChoicesCompleter {

    @Override
    protected List<String> choices() {
        LwaftrService service = get(LwaftrService.class);
        TreeSet<String> out = new TreeSet<>();
        for (DeviceSettings d : service.deviceSettings().values()) {
            d.brAddresses().forEach(a -> out.add(a.toString()));
        }
        service.softwires(0, Ipv4Completer.SCAN).forEach(s -> out.add(s.br().toString()));
        return new ArrayList<>(out);
    }
}
