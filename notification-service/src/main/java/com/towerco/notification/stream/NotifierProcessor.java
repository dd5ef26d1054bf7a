package com.towerco.notification.stream;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.TopicFamily;
import com.towerco.notification.config.NotificationConfig;
import com.towerco.notification.config.NotificationJson;
import com.towerco.notification.domain.AlertGroup;
import com.towerco.notification.domain.CircuitBreaker;
import com.towerco.notification.domain.Decision;
import com.towerco.notification.domain.Delivery;
import com.towerco.notification.domain.DeliveryRequest;
import com.towerco.notification.domain.Escalation;
import com.towerco.notification.domain.Notifier;
import com.towerco.notification.domain.NotifierInput;
import com.towerco.notification.domain.NotifierState;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.JsonSerde;
import com.towerco.platform.runtime.TopicNames;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The notifier, per inbox partition (a set of tenants): runs the {@link Notifier} over
 * changelogged stores (groups, deliveries, circuit breakers, escalations) with the settings
 * global store, at the task's stream time (event time, moved on by ticks), and writes what it decides: delivery
 * requests for the dispatcher, suppressed and escalated events on the tenant's deliveries
 * topic. Under exactly-once processing the state changes and these records commit together.
 */
final class NotifierProcessor implements Processor<String, NotifierInput, String, Emission> {
  private static final Map<String, String> METADATA = Map.of("producer", "notification-service");
  private static final JsonSerde<DeliveryRequest> REQUESTS =
      NotificationJson.serde(DeliveryRequest.class);

  private final NotificationConfig config;
  private final EventCodec codec;
  private final TopicNames topics;
  private final ServiceMetrics metrics;
  private ProcessorContext<String, Emission> context;
  private Notifier notifier;

  NotifierProcessor(NotificationConfig config, EventCodec codec, TopicNames topics,
      ServiceMetrics metrics) {
    this.config = config;
    this.codec = codec;
    this.topics = topics;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Emission> context) {
    this.context = context;
    NotifierState state = new NotifierState(
        new StoreAdapter<AlertGroup>(context.getStateStore(NotificationTopology.GROUPS)),
        new StoreAdapter<Delivery>(context.getStateStore(NotificationTopology.DELIVERIES)),
        new StoreAdapter<CircuitBreaker>(context.getStateStore(NotificationTopology.BREAKERS)),
        new StoreAdapter<Escalation>(context.getStateStore(NotificationTopology.ESCALATIONS)));
    notifier = new Notifier(state, new StoreSettings(
        context.getStateStore(NotificationTopology.SETTINGS), config, codec));
  }

  @Override
  public void process(Record<String, NotifierInput> record) {
    if (record.value() == null) {
      return;
    }
    long now = Math.max(context.currentStreamTimeMs(), record.timestamp());
    for (Decision decision : notifier.handle(record.value(), Instant.ofEpochMilli(now))) {
      if (decision instanceof Decision.Dispatch dispatch) {
        DeliveryRequest request = dispatch.request();
        context.forward(new Record<>(request.dispatchKey(), new Emission(
            NotificationTopics.REQUESTS, REQUESTS.encode(request)), now));
        metrics.eventOut("REQUESTS");
      } else if (decision instanceof Decision.Publish publish) {
        Envelope event = Envelope.of(publish.eventId(), publish.tenant(), publish.siteId(),
            publish.time(), publish.payload(), METADATA);
        context.forward(new Record<>(publish.key(), new Emission(
            topics.topic(TopicFamily.NOTIFICATION_DELIVERIES, publish.tenant()),
            codec.encode(event)), now,
            com.towerco.platform.kafka.EventHeaders.of(event)));
        metrics.eventOut(TopicFamily.NOTIFICATION_DELIVERIES.name());
      }
    }
  }
}
