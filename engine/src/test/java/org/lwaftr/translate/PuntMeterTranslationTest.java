package org.lwaftr.translate;

import org.junit.Test;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PuntMeterPolicy;
import org.lwaftr.pipeconf.gen.LwaftrP4;
import org.onosproject.net.pi.runtime.PiMeterBand;
import org.onosproject.net.pi.runtime.PiMeterBandType;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;

import java.util.List;

import static org.junit.Assert.assertEquals;

/**
 * RFC 7596 §9: the punt_meter cells the policy's {@code punt-meter} becomes, exactly.
 */
public class PuntMeterTranslationTest {

    private final Translator t = new Translator();

    @Test
    public void rfc7596Sec9OneCellPerPuntReasonBothBandsAtTheRate() {
        LwaftrPolicy p = LwaftrPolicy.builder().puntMeter(new PuntMeterPolicy(250, 20)).build();
        List<PiMeterCellConfig> cells = t.puntMeters(p);
        // PuntReason_t: ARP (1) … UPSTREAM_MTU (12); NONE (0) is never metered.
        assertEquals(12, cells.size());
        for (int i = 0; i < cells.size(); i++) {
            PiMeterCellConfig c = cells.get(i);
            assertEquals(PiMeterCellId.ofIndirect(LwaftrP4.METER_PUNT_METER, i + 1), c.cellId());
            assertEquals(new PiMeterBand(PiMeterBandType.COMMITTED, 250, 20), c.committedBand());
            assertEquals(new PiMeterBand(PiMeterBandType.PEAK, 250, 20), c.peakBand());
            assertEquals(2, c.meterBands().size());
        }
        assertEquals(PiMeterCellConfig.builder()
                .withMeterCellId(PiMeterCellId.ofIndirect(LwaftrP4.METER_PUNT_METER, 9))
                .withCommittedBand(250, 20).withPeakBand(250, 20).build(), cells.get(8));
    }

    @Test
    public void defaultPolicyGivesTheDefaultRate() {
        for (PiMeterCellConfig c : t.puntMeters(LwaftrPolicy.DEFAULT)) {
            assertEquals(1000, c.committedBand().rate());
            assertEquals(100, c.committedBand().burst());
            assertEquals(1000, c.peakBand().rate());
            assertEquals(100, c.peakBand().burst());
            assertEquals(LwaftrP4.METER_PUNT_METER, c.cellId().meterId());
        }
    }

    @Test
    public void cellsFitTheMeter() {
        t.puntMeters(LwaftrPolicy.DEFAULT).forEach(c -> assertEquals(true,
                c.cellId().index() > 0 && c.cellId().index() < LwaftrP4.METER_PUNT_METER_SIZE));
    }
}
