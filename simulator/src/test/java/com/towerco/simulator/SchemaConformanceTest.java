package com.towerco.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventSchemas;
import com.towerco.events.InvalidEventException;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteAlarm.ProbableCause;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Everything the simulator emits is a valid event by the catalogue's JSON Schemas. */
class SchemaConformanceTest {
  @Test
  void everyGeneratedEventPassesItsJsonSchemaAndDecodesToItself() throws InvalidEventException {
    Recorded run = Recorded.run(SimulationDigest.reference(3).withRate(1.0 / 60));
    EventSchemas schemas = new EventSchemas();
    EventCodec codec = new EventCodec();

    List<String> problems = new ArrayList<>();
    for (Envelope event : run.events) {
      byte[] json = codec.encode(event);
      schemas.validate(json).forEach(p -> problems.add(event.eventType() + ": " + p));
      assertThat(codec.decode(json)).isEqualTo(event);
    }
    assertThat(problems).isEmpty();
    assertThat(run.events).extracting(Envelope::eventType).contains("site.registered",
        "site.telemetry", "site.alarm", "site.connectivity");
    Set<ProbableCause> causes = EnumSet.noneOf(ProbableCause.class);
    run.events.stream().filter(e -> e.payload() instanceof SiteAlarm)
        .forEach(e -> causes.add(e.payloadAs(SiteAlarm.class).probableCause()));
    assertThat(causes).containsAll(EnumSet.complementOf(EnumSet.of(ProbableCause.LOW_FUEL)));
  }
}
