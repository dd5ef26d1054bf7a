package com.towerco.incidents.view;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.incident.SlaBreached;
import com.towerco.incidents.domain.incident.Incident;
import com.towerco.incidents.domain.incident.IncidentEvolution;
import com.towerco.incidents.domain.sla.SlaLedger;
import com.towerco.incidents.stream.Metadata;
import com.towerco.platform.runtime.Projection;
import com.towerco.platform.runtime.SourceRecord;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The incident read model (CQRS): for every tenant topic, the incidents as that topic tells
 * them, with their full timeline, and the SLA breaches. The operator's topic gives the NOC's
 * view; a tenant's topic gives exactly what that tenant was told, so a tenant's answer never
 * holds more than its own copies. Built only from {@code towerco.incidents.*.lifecycle}, it can
 * be dropped and rebuilt by replaying them; applying an event twice changes nothing.
 */
public final class IncidentProjection implements Projection {
  public static final String NAME = "incidents";

  private final Map<String, Map<String, IncidentRecord>> views = new HashMap<>();
  private final Map<String, Map<String, SlaBreached>> breaches = new HashMap<>();

  /** One incident as one topic tells it: state, version (the NOC's) and every event. */
  public record IncidentRecord(Incident state, int version, List<Envelope> timeline) {
    public IncidentRecord {
      // a restored timeline is immutable and decodes on demand: copying would decode it
      timeline = timeline instanceof LazyTimeline ? timeline : List.copyOf(timeline);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Pattern topics() {
    return TopicFamily.INCIDENT_LIFECYCLE.pattern();
  }

  @Override
  public synchronized void reset() {
    views.clear();
    breaches.clear();
  }

  @Override
  public synchronized void apply(Envelope event, SourceRecord source) {
    String view = TopicFamily.INCIDENT_LIFECYCLE.idOf(source.topic()).orElse(event.tenantId());
    if (event.payload() instanceof SlaBreached breach) {
      // kept apart from the incident's own stream: it is keyed (and ordered) by SLA period
      String period = SlaLedger.periodId(breach.tenantId(), breach.siteId(), breach.month());
      breaches.computeIfAbsent(view, v -> new TreeMap<>()).putIfAbsent(period, breach);
      return;
    }
    if (!(event.payload() instanceof IncidentEvent e)) {
      return;
    }
    Map<String, IncidentRecord> incidents = views.computeIfAbsent(view, v -> new HashMap<>());
    IncidentRecord r = incidents.get(e.incidentId());
    if (r != null && !notIn(r, event)) {
      return;
    }
    Incident state = IncidentEvolution.evolve(r == null ? null : r.state(), e);
    if (state == null) {
      return;
    }
    String version = event.metadata().get(Metadata.AGGREGATE_VERSION);
    incidents.put(e.incidentId(), new IncidentRecord(state,
        version == null ? state.version() : Integer.parseInt(version),
        append(r == null ? List.of() : r.timeline(), event)));
  }

  private static boolean notIn(IncidentRecord r, Envelope event) {
    return r.timeline().stream().noneMatch(t -> t.eventId().equals(event.eventId()));
  }

  private static List<Envelope> append(List<Envelope> timeline, Envelope event) {
    List<Envelope> longer = new ArrayList<>(timeline.size() + 1);
    longer.addAll(timeline);
    longer.add(event);
    return longer;
  }

  public synchronized Optional<IncidentRecord> incident(String view, String incidentId) {
    return Optional.ofNullable(views.getOrDefault(view, Map.of()).get(incidentId));
  }

  /** A view's incidents, most recently changed first. */
  public synchronized List<IncidentRecord> incidents(String view) {
    List<IncidentRecord> all = new ArrayList<>(views.getOrDefault(view, Map.of()).values());
    all.sort(Comparator.comparing((IncidentRecord r) -> r.state().updatedAt()).reversed()
        .thenComparing(r -> r.state().incidentId()));
    return all;
  }

  public synchronized List<SlaBreached> breaches(String view) {
    return List.copyOf(breaches.getOrDefault(view, Map.of()).values());
  }

  /** The SLA breaches a view attributes to one incident. */
  public synchronized List<SlaBreached> breaches(String view, String incidentId) {
    return breaches.getOrDefault(view, Map.of()).values().stream()
        .filter(b -> incidentId.equals(b.incidentId())).toList();
  }

  /**
   * Writes every view (state as JSON, version, each event's encoded bytes) and every breach
   * (ADR-023 snapshots).
   */
  public synchronized void writeSnapshot(DataOutputStream out, EventCodec codec)
      throws IOException {
    out.writeInt(views.size());
    for (Map.Entry<String, Map<String, IncidentRecord>> view : views.entrySet()) {
      out.writeUTF(view.getKey());
      out.writeInt(view.getValue().size());
      for (Map.Entry<String, IncidentRecord> e : view.getValue().entrySet()) {
        IncidentRecord r = e.getValue();
        out.writeUTF(e.getKey());
        out.writeInt(r.version());
        SnapshotIo.writeBytes(out, SnapshotIo.JSON.writeValueAsBytes(r.state()));
        out.writeInt(r.timeline().size());
        for (int i = 0; i < r.timeline().size(); i++) {
          SnapshotIo.writeBytes(out, r.timeline() instanceof LazyTimeline lazy
              ? lazy.encoded(i) : codec.encode(r.timeline().get(i)));
        }
      }
    }
    out.writeInt(breaches.size());
    for (Map.Entry<String, Map<String, SlaBreached>> view : breaches.entrySet()) {
      out.writeUTF(view.getKey());
      out.writeInt(view.getValue().size());
      for (Map.Entry<String, SlaBreached> b : view.getValue().entrySet()) {
        out.writeUTF(b.getKey());
        SnapshotIo.writeBytes(out, SnapshotIo.JSON.writeValueAsBytes(b.getValue()));
      }
    }
  }

  /** Reads what {@link #writeSnapshot} wrote into this (empty) projection. */
  public synchronized void readSnapshot(DataInputStream in, EventCodec codec)
      throws IOException {
    int viewCount = in.readInt();
    for (int v = 0; v < viewCount; v++) {
      Map<String, IncidentRecord> incidents = views.computeIfAbsent(in.readUTF(),
          k -> new HashMap<>());
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String id = in.readUTF();
        int version = in.readInt();
        Incident state = SnapshotIo.JSON.readValue(SnapshotIo.readBytes(in), Incident.class);
        int events = in.readInt();
        List<byte[]> encoded = new ArrayList<>(events);
        for (int n = 0; n < events; n++) {
          encoded.add(SnapshotIo.readBytes(in));
        }
        incidents.put(id, new IncidentRecord(state, version, new LazyTimeline(encoded, codec)));
      }
    }
    int breachViews = in.readInt();
    for (int v = 0; v < breachViews; v++) {
      Map<String, SlaBreached> byPeriod = breaches.computeIfAbsent(in.readUTF(),
          k -> new TreeMap<>());
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        byPeriod.put(in.readUTF(), SnapshotIo.JSON.readValue(SnapshotIo.readBytes(in),
            SlaBreached.class));
      }
    }
  }

  /** Everything, ordered, for comparing a rebuilt model with the live one. */
  public synchronized Map<String, Map<String, IncidentRecord>> snapshot() {
    Map<String, Map<String, IncidentRecord>> copy = new TreeMap<>();
    views.forEach((view, incidents) -> copy.put(view, new TreeMap<>(incidents)));
    return copy;
  }

  public synchronized Map<String, List<SlaBreached>> breachSnapshot() {
    Map<String, List<SlaBreached>> copy = new TreeMap<>();
    breaches.forEach((view, b) -> copy.put(view, List.copyOf(b.values())));
    return copy;
  }
}
