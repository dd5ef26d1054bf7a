package com.towerco.testing;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.runtime.ServiceContext;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Publishes test events the way a site gateway would: site events to the site's group topic
 * keyed by site id (ADR-029), inventory records to the inventory topic. {@link #raw} sends
 * arbitrary bytes, for malformed-input tests; {@link #legacySite} writes to a topic named after
 * the site alone, as producers did before ADR-029.
 */
public final class EventFeeder implements AutoCloseable {
  private final ServiceContext context;
  private final KafkaProducer<String, byte[]> producer;
  private final EventCodec codec = new EventCodec();

  public EventFeeder(ServiceContext context) {
    this.context = context;
    this.producer = context.clients().producer("test-feeder-" + EventIds.random());
  }

  public Envelope register(String siteId, SiteRegistered site, Instant at) {
    Envelope event = Envelope.of(EventIds.random(), context.config().operatorTenant(), siteId,
        at, site, Map.of("producer", "test"));
    String topic = context.topics().ensure(TopicFamily.INVENTORY);
    send(topic, siteId, codec.encode(event));
    return event;
  }

  /** A site event with a fresh id. */
  public Envelope site(String siteId, Instant at, Payload payload) {
    return send(Envelope.of(EventIds.random(), context.config().operatorTenant(), siteId, at,
        payload, Map.of("producer", "test")));
  }

  /**
   * A site event with a fresh id on {@code towerco.sites.{site_id}.events}, the site's own
   * topic from before ADR-029 (created if missing): consumers still read such topics.
   */
  public Envelope legacySite(String siteId, Instant at, Payload payload) {
    return sendTo(legacyTopic(siteId), Envelope.of(EventIds.random(),
        context.config().operatorTenant(), siteId, at, payload, Map.of("producer", "test")));
  }

  /**
   * Sends an envelope keyed by its site to {@code topic}, a topic of the site family (created
   * if missing): e.g. a site's own topic from before ADR-029, which a test can read alone.
   */
  public Envelope sendTo(String topic, Envelope event) {
    context.topics().ensureAll(TopicFamily.SITE_EVENTS, java.util.List.of(topic));
    send(topic, event.siteId(), codec.encode(event));
    return event;
  }

  /** The name a site's topic had before ADR-029. */
  public static String legacyTopic(String siteId) {
    return "towerco.sites." + siteId + ".events";
  }

  /** Sends an envelope (again, if it was sent before: a duplicate delivery). */
  public Envelope send(Envelope event) {
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, event.siteId());
    send(topic, event.siteId(), codec.encode(event));
    return event;
  }

  public void raw(String siteId, byte[] value) {
    send(context.topics().ensure(TopicFamily.SITE_EVENTS, siteId), siteId, value);
  }

  /**
   * A site event as the platform's writers send it: with its routing headers (ADR-018), so
   * readers route on them and may read the value projected (ADR-037).
   */
  public Envelope withHeaders(Envelope event) {
    raw(event.siteId(), codec.encode(event), EventHeaders.of(event));
    return event;
  }

  /** Bytes under the given headers (true or false ones) on the site's topic. */
  public void raw(String siteId, byte[] value, Headers headers) {
    producer.send(new ProducerRecord<>(context.topics().ensure(TopicFamily.SITE_EVENTS, siteId),
        null, siteId, value, headers));
  }

  /** Bytes under the given headers on {@code topic}, a topic of the site family. */
  public void rawTo(String topic, String key, byte[] value, Headers headers) {
    context.topics().ensureAll(TopicFamily.SITE_EVENTS, java.util.List.of(topic));
    producer.send(new ProducerRecord<>(topic, null, key, value, headers));
  }

  public void flush() {
    producer.flush();
  }

  private void send(String topic, String key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, key, value));
  }

  @Override
  public void close() {
    producer.close();
  }
}
