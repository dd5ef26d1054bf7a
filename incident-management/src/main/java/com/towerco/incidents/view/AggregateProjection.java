package com.towerco.incidents.view;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.payload.Payload;
import com.towerco.incidents.domain.Aggregate;
import com.towerco.platform.runtime.Projection;
import com.towerco.platform.runtime.SourceRecord;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The read model of an aggregate kept only on the operator's topic (energy optimizations,
 * refuel orders): each one's state and full history, folded with the aggregate's own
 * {@code evolve}. Rebuildable from its lifecycle topics; applying an event twice changes
 * nothing.
 */
public final class AggregateProjection<S, C extends Payload, E extends Payload>
    implements Projection {
  private final String name;
  private final Aggregate<S, C, E> aggregate;
  private final Map<String, Entry<S>> entries = new HashMap<>();

  /** One aggregate: its state and every event. */
  public record Entry<S>(S state, List<Envelope> history) {
    public Entry {
      history = List.copyOf(history);
    }
  }

  public AggregateProjection(String name, Aggregate<S, C, E> aggregate) {
    this.name = name;
    this.aggregate = aggregate;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Pattern topics() {
    return aggregate.eventTopics().pattern();
  }

  @Override
  public synchronized void reset() {
    entries.clear();
  }

  @Override
  public synchronized void apply(Envelope event, SourceRecord source) {
    if (!aggregate.eventType().isInstance(event.payload())) {
      return;
    }
    E payload = aggregate.eventType().cast(event.payload());
    String id = aggregate.idOfEvent(payload);
    Entry<S> entry = entries.get(id);
    if (entry != null
        && entry.history().stream().anyMatch(h -> h.eventId().equals(event.eventId()))) {
      return;
    }
    S state = aggregate.evolve(entry == null ? null : entry.state(), payload);
    if (state == null) {
      return;
    }
    List<Envelope> history = new ArrayList<>(entry == null ? List.of() : entry.history());
    history.add(event);
    entries.put(id, new Entry<>(state, history));
  }

  /** Writes every aggregate's history as encoded events (ADR-023 snapshots). */
  public synchronized void writeSnapshot(DataOutputStream out, EventCodec codec)
      throws IOException {
    out.writeInt(entries.size());
    for (Entry<S> entry : entries.values()) {
      out.writeInt(entry.history().size());
      for (Envelope event : entry.history()) {
        SnapshotIo.writeBytes(out, codec.encode(event));
      }
    }
  }

  /**
   * Reads what {@link #writeSnapshot} wrote, folding each history again (optimizations and
   * refuel orders are few next to incidents).
   */
  public synchronized void readSnapshot(DataInputStream in, EventCodec codec)
      throws IOException {
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      int events = in.readInt();
      for (int n = 0; n < events; n++) {
        try {
          apply(codec.decode(SnapshotIo.readBytes(in)), null);
        } catch (InvalidEventException e) {
          throw new IOException("an event of the snapshot does not decode: " + e.getMessage(),
              e);
        }
      }
    }
  }

  public synchronized Optional<Entry<S>> get(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  public synchronized List<Entry<S>> all() {
    return List.copyOf(new TreeMap<>(entries).values());
  }

  public synchronized Map<String, Entry<S>> snapshot() {
    return new TreeMap<>(entries);
  }

  public Aggregate<S, C, E> aggregate() {
    return aggregate;
  }
}
