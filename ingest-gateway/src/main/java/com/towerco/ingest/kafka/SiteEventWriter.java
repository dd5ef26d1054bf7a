package com.towerco.ingest.kafka;

import com.towerco.events.Ids;
import com.towerco.events.TopicFamily;
import com.towerco.ingest.domain.Arrival;
import com.towerco.ingest.domain.Outcome;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes what the edge contract decided to Kafka: an accepted event to its site's topic (keyed
 * by site, so a site's events stay in order), a rejection to {@code towerco.dlq} with its reason
 * and the raw message as the site sent it, plus headers naming the protocol, the gateway and the
 * source ({@value #PROTOCOL}, {@value #GATEWAY}, {@value #SOURCE}). The returned future completes
 * when the broker has acknowledged the write, and only then may a protocol adapter acknowledge
 * its sender (at-least-once). At most {@code maxInFlight} writes are outstanding: that is the
 * back-pressure every adapter passes on to its senders (MQTT by not reading, HTTP by 503).
 */
public final class SiteEventWriter {
  public static final String PROTOCOL = "ingest.protocol";
  public static final String GATEWAY = "ingest.gateway";
  public static final String SOURCE = "ingest.source";
  /**
   * On a dead letter of a site not yet registered, held for onboarding: the envelope to publish
   * when it is. A {@code dlq.} header, so a re-drive does not carry it along.
   */
  public static final String HELD_ENVELOPE = "dlq.held-envelope";

  private final EventPublisher publisher;
  private final DeadLetters deadLetters;
  private final Semaphore room;
  private final int maxInFlight;

  public SiteEventWriter(EventPublisher publisher, DeadLetters deadLetters, int maxInFlight) {
    this.publisher = publisher;
    this.deadLetters = deadLetters;
    this.maxInFlight = maxInFlight;
    this.room = new Semaphore(maxInFlight);
  }

  /** Waits for room (back-pressure), then writes. */
  public CompletableFuture<Outcome> write(Arrival arrival, Outcome outcome)
      throws InterruptedException {
    room.acquire();
    return send(arrival, outcome);
  }

  /**
   * Reserves room for {@code count} writes without waiting: false when the gateway is behind
   * (the caller answers "try later"). Each reserved write is then made with {@link #writeReserved}.
   */
  public boolean tryReserve(int count, long waitMillis) throws InterruptedException {
    return count <= maxInFlight && room.tryAcquire(count, waitMillis, TimeUnit.MILLISECONDS);
  }

  /** Gives back reserved room that was not used. */
  public void release(int count) {
    room.release(count);
  }

  /** Writes with room reserved by {@link #tryReserve}. */
  public CompletableFuture<Outcome> writeReserved(Arrival arrival, Outcome outcome) {
    return send(arrival, outcome);
  }

  /** Writes outstanding now. */
  public int inFlight() {
    return maxInFlight - room.availablePermits();
  }

  public void flush() {
    publisher.flush();
  }

  private CompletableFuture<Outcome> send(Arrival arrival, Outcome outcome) {
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    Callback callback = (metadata, error) -> {
      room.release();
      if (error != null) {
        done.completeExceptionally(error);
      } else {
        done.complete(outcome);
      }
    };
    try {
      if (outcome instanceof Outcome.Accepted accepted) {
        String site = accepted.event().siteId();
        publisher.publish(TopicFamily.SITE_EVENTS, site, site, accepted.event(), callback);
      } else if (outcome instanceof Outcome.Rejected rejected) {
        deadLetter(arrival, rejected, callback);
      }
    } catch (RuntimeException e) {
      room.release();
      done.completeExceptionally(e);
    }
    return done;
  }

  private void deadLetter(Arrival arrival, Outcome.Rejected rejected, Callback callback) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(PROTOCOL, utf8(arrival.protocol().wireName()));
    headers.add(GATEWAY, utf8(arrival.gatewayId()));
    headers.add(SOURCE, utf8(arrival.source()));
    if (rejected.held() != null) {
      headers.add(HELD_ENVELOPE, rejected.held());
    }
    String site = rejected.siteId();
    boolean validSite = site != null && Ids.valid(site);
    // The site's topic is where a corrected event belongs (dlq replay --value); without a valid
    // site there is no topic to re-drive to.
    String origin = validSite ? TopicFamily.SITE_EVENTS.topic(site) : "";
    deadLetters.send(origin, -1, -1, validSite ? site : null, arrival.raw(), headers,
        rejected.reason(), rejected.detail(), callback);
  }

  private static byte[] utf8(String text) {
    return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
  }
}
