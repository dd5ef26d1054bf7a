package com.towerco.aiops.visits;

import com.towerco.events.Envelope;
import com.towerco.events.InvalidEventException;
import com.towerco.events.TopicFamily;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.TransactionalLoop;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the operator's incident lifecycle and turns each dispatch the incident saga requests
 * into a scheduled visit on the site's topic ({@link SiteVisits#fromDispatch}), exactly once
 * (in one transaction with the consumed offsets), so the dispatched technician's door opening
 * raises no unscheduled-door alert.
 */
public final class VisitBridge implements AutoCloseable {
  private final TransactionalLoop loop;

  public VisitBridge(ServiceContext context, String service, String groupId, String operator,
      Duration visitLength) {
    String topic = TopicFamily.INCIDENT_LIFECYCLE.topic(operator);
    this.loop = new TransactionalLoop(context, service + "-visits", groupId,
        Pattern.compile(Pattern.quote(topic)), 500, Duration.ofMinutes(5),
        context.metrics().forService(service), (records, outputs) -> {
          for (ConsumerRecord<String, byte[]> record : records) {
            Envelope event;
            try {
              event = context.codec().decode(record.value());
            } catch (InvalidEventException e) {
              continue; // the incident service's own topic; its consumers dead-letter it
            }
            SiteVisits.fromDispatch(event, operator, visitLength).ifPresent(visit ->
                outputs.publisher().publish(TopicFamily.SITE_EVENTS, visit.siteId(),
                    visit.siteId(), visit));
          }
        });
  }

  public void start() {
    loop.start();
  }

  public boolean isLive() {
    return loop.isLive();
  }

  public boolean isReady() {
    return loop.isReady();
  }

  @Override
  public void close() {
    loop.close();
  }
}
