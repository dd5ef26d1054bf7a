package com.towerco.notification.settings;

import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.notification.domain.Silence;
import com.towerco.notification.domain.TenantRouting;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.runtime.SharedDecoder;
import com.towerco.platform.runtime.TableView;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's read model of the settings topic: every tenant's routing set through the API and
 * every silence, read from the beginning of the compacted topic and kept up to date (a
 * {@link TableView}). After publishing a change the API waits until this view has read it, so a
 * caller reads its own writes.
 */
public final class SettingsView implements AutoCloseable {
  /** A tenant's API-set routing, and the event that set it. */
  public record RoutingEntry(TenantRouting routing, Envelope event) {}

  private final Map<String, RoutingEntry> routing = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Silence>> silences = new ConcurrentHashMap<>();
  private final TableView view;

  public SettingsView(KafkaClients clients, TopicProvisioner topics, SharedDecoder decoder) {
    this.view = new TableView(clients, topics, decoder, TopicFamily.NOTIFICATION_SETTINGS,
        "notification-settings-view", (event, source) -> apply(event));
  }

  public void start() {
    view.start();
  }

  /** True once everything on the topic when the view started has been read. */
  public boolean loaded() {
    return view.loaded();
  }

  public boolean isLive() {
    return view.isLive();
  }

  public Optional<RoutingEntry> routing(String tenant) {
    return Optional.ofNullable(routing.get(tenant));
  }

  public List<Silence> silences(String tenant) {
    return silences.getOrDefault(tenant, Map.of()).values().stream()
        .sorted(Comparator.comparing(Silence::startsAt).thenComparing(Silence::id)).toList();
  }

  public Optional<Silence> silence(String tenant, String id) {
    return Optional.ofNullable(silences.getOrDefault(tenant, Map.of()).get(id));
  }

  /** Blocks until the record at {@code offset} of {@code partition} has been read. */
  public boolean awaitRead(int partition, long offset, Duration timeout) {
    return view.awaitRead(partition, offset, timeout);
  }

  private void apply(Envelope event) {
    SettingsRecords.routing(event).ifPresent(r ->
        routing.put(event.tenantId(), new RoutingEntry(r, event)));
    SettingsRecords.silence(event).ifPresent(s -> silences
        .computeIfAbsent(event.tenantId(), t -> new ConcurrentHashMap<>()).put(s.id(), s));
  }

  @Override
  public void close() {
    view.close();
  }
}
