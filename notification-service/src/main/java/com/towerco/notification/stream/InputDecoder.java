package com.towerco.notification.stream;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.AlertFiring;
import com.towerco.events.payload.AlertResolved;
import com.towerco.events.payload.IncidentOpened;
import com.towerco.events.payload.IncidentResolved;
import com.towerco.events.payload.NotificationAttempted;
import com.towerco.notification.domain.NotifierInput;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.metrics.ServiceMetrics;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The first stage: turns records from the alert, incident-lifecycle, delivery and tick topics
 * into notifier inputs keyed by tenant, stamped with their event time. A record that is not a
 * valid event, or whose {@code tenant_id} is not the tenant its topic belongs to, goes to the
 * dead-letter topic with its reason. Events the notifier has no use for are skipped.
 */
final class InputDecoder implements Processor<String, byte[], String, Emission> {
  static final String TICK_KEY = "*";

  private final EventCodec codec;
  private final ServiceMetrics metrics;
  private ProcessorContext<String, Emission> context;

  InputDecoder(EventCodec codec, ServiceMetrics metrics) {
    this.codec = codec;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Emission> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.headers().lastHeader(TopicProvisioner.PROBE_HEADER) != null) {
      return;
    }
    RecordMetadata source = context.recordMetadata().orElseThrow();
    if (source.topic().equals(NotificationTopics.TICKS)) {
      forward(TICK_KEY, new NotifierInput.Tick(Instant.ofEpochMilli(record.timestamp())),
          record.timestamp());
      return;
    }
    String topicTenant = TopicFamily.of(source.topic()).flatMap(f -> f.idOf(source.topic()))
        .orElse("");
    Envelope event;
    try {
      event = codec.decode(record.value());
    } catch (InvalidEventException e) {
      Optional<Acknowledgements.Acknowledgement> ack = Acknowledgements.read(record.value());
      if (ack.isPresent() && ack.get().tenantId().equals(topicTenant)) {
        acknowledged(ack.get());
      } else {
        deadLetter(record, source, e.reason(), e.detail());
      }
      return;
    }
    if (!event.tenantId().equals(topicTenant)) {
      deadLetter(record, source, RejectReason.SCHEMA_VIOLATION, "tenant_id "
          + event.tenantId() + " on the topic of tenant " + topicTenant);
      return;
    }
    metrics.eventIn(event.eventType(), event.timestamp(), System.currentTimeMillis());
    String tenant = event.tenantId();
    NotifierInput input = null;
    if (event.payload() instanceof AlertFiring firing) {
      input = new NotifierInput.AlertFired(tenant, event.eventId(), firing);
    } else if (event.payload() instanceof AlertResolved resolved) {
      input = new NotifierInput.AlertCleared(tenant, event.eventId(), resolved);
    } else if (event.payload() instanceof IncidentOpened opened) {
      input = new NotifierInput.IncidentStarted(tenant, event.eventId(), opened);
    } else if (event.payload() instanceof IncidentResolved resolved) {
      input = new NotifierInput.IncidentStopped(tenant, event.eventId(), resolved.incidentId(),
          "resolved");
    } else if (event.payload() instanceof NotificationAttempted attempted) {
      input = new NotifierInput.DeliveryOutcome(tenant, event.eventId(), attempted);
    } else if (event.eventType().equals(Acknowledgements.TYPE)) {
      Acknowledgements.read(record.value()).ifPresent(this::acknowledged);
    }
    if (input != null) {
      forward(tenant, input, event.timestamp().toEpochMilli());
    }
  }

  private void acknowledged(Acknowledgements.Acknowledgement ack) {
    forward(ack.tenantId(), new NotifierInput.IncidentStopped(ack.tenantId(), ack.eventId(),
        ack.incidentId(), "acknowledged"), ack.at().toEpochMilli());
  }

  private void forward(String key, NotifierInput input, long timestamp) {
    context.forward(new Record<>(key, new Emission.ToNotifier(input), timestamp));
  }

  private void deadLetter(Record<String, byte[]> record, RecordMetadata source,
      RejectReason reason, String detail) {
    metrics.deadLettered(reason.name());
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    DeadLetters.addReason(headers, reason, detail, metrics.service(), source.topic(),
        source.partition(), source.offset());
    context.forward(new Record<String, Emission>(record.key(),
        new Emission.Outbound(TopicFamily.DEAD_LETTER.topic(), record.value()),
        record.timestamp(), headers));
  }
}
