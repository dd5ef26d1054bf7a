package com.towerco.simulator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.TopicFamily;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.simulator.Simulator;
import com.towerco.simulator.domain.SimulationReport;
import com.towerco.simulator.domain.SimulatorConfig;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A small fleet published to a real broker and read back, every event on its site's topic. */
class KafkaEventSinkIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void publishesEverySiteEventToItsSiteTopicKeyedBySiteAndTheInventoryToTheInventoryTopic()
      throws Exception {
    ServiceContext context = kafka.context(kafka.config(2));
    SimulatorConfig config = SimulatorConfig.defaults().withSites(6).withLayout(2, 3)
        .asFastAsPossible().withDuration(Duration.ofMinutes(10))
        .withFaults("hub-failure:S0001@2m+3m", "door-open:S0005@1m+2m");
    SimulationReport report;
    KafkaEventSink sink;
    try (ServiceContext.Outputs outputs = context.outputs("simulator", "-it")) {
      sink = new KafkaEventSink(context.topics(), outputs.publisher());
      report = new Simulator(config).run(sink);
    }
    assertThat(sink.acknowledged()).isEqualTo(report.totalEvents());

    EventCodec codec = new EventCodec();
    // One reader for both topic families: each consumer group join costs seconds.
    Pattern topics = Pattern.compile(TopicFamily.SITE_EVENTS.pattern().pattern() + "|"
        + Pattern.quote(TopicFamily.INVENTORY.topic()));
    try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), topics)) {
      List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
          r -> r.size() >= report.totalEvents(), Duration.ofSeconds(60));
      assertThat(records).hasSize((int) report.totalEvents());
      Map<String, List<Envelope>> bySite = new HashMap<>();
      List<String> inventoryKeys = new ArrayList<>();
      for (ConsumerRecord<String, byte[]> record : records) {
        Envelope event = codec.decode(record.value());
        assertThat(record.key()).isEqualTo(event.siteId());
        if (record.topic().equals(TopicFamily.INVENTORY.topic())) {
          assertThat(event.eventType()).isEqualTo("site.registered");
          inventoryKeys.add(record.key());
          continue;
        }
        assertThat(record.topic()).isEqualTo(TopicFamily.SITE_EVENTS.topic(event.siteId()));
        bySite.computeIfAbsent(event.siteId(), s -> new ArrayList<>()).add(event);
      }
      assertThat(inventoryKeys)
          .containsExactlyInAnyOrder("S0001", "S0002", "S0003", "S0004", "S0005", "S0006");
      for (Map.Entry<String, Map<String, Long>> site : report.eventsBySite().entrySet()) {
        long expected = site.getValue().values().stream().mapToLong(Long::longValue).sum() - 1;
        assertThat(bySite.get(site.getKey())).as(site.getKey()).hasSize((int) expected)
            .extracting(Envelope::timestamp).isSorted();
      }
      assertThat(bySite.get("S0002")).extracting(Envelope::eventType)
          .contains("site.connectivity");
    }
  }
}
