package com.towerco.notification.settings;

import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.EventPublisher;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes a settings change (routing, silence) to the compacted settings topic and waits
 * until both the broker has it and the API's view has read it.
 */
public final class SettingsWriter {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final EventPublisher publisher;
  private final SettingsView view;

  public SettingsWriter(EventPublisher publisher, SettingsView view) {
    this.publisher = publisher;
    this.view = view;
  }

  public void write(String key, Envelope event) {
    try {
      RecordMetadata written = publisher.publish(TopicFamily.NOTIFICATION_SETTINGS, key, event)
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (!view.awaitRead(written.partition(), written.offset(), TIMEOUT)) {
        throw new IllegalStateException("the settings view did not catch up in " + TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while saving a setting", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot save a notification setting", e);
    }
  }
}
