package com.towerco.incidents.view;

import com.towerco.events.EventCodec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The incident service's lifecycle read models as one snapshot (ADR-023): incidents (states as
 * JSON, timelines as encoded events restored undecoded), optimizations and refuel orders. The
 * SLA clocks and the watchers are not in it: they are built from the KPI and telemetry windows
 * the view replays on every start, which do not grow with history.
 */
public final class ViewSnapshot implements com.towerco.platform.runtime.Snapshottable {
  /** Change when the layout or the meaning of the models changes. */
  public static final String FORMAT = "incidents-view/1";

  private final ReadModels models;
  private final EventCodec codec;

  public ViewSnapshot(ReadModels models, EventCodec codec) {
    this.models = models;
    this.codec = codec;
  }

  @Override
  public String snapshotFormat() {
    return FORMAT;
  }

  @Override
  public void writeSnapshot(DataOutputStream out) throws IOException {
    models.incidents().writeSnapshot(out, codec);
    models.optimizations().writeSnapshot(out, codec);
    models.refuels().writeSnapshot(out, codec);
  }

  @Override
  public void readSnapshot(DataInputStream in) throws IOException {
    models.incidents().readSnapshot(in, codec);
    models.optimizations().readSnapshot(in, codec);
    models.refuels().readSnapshot(in, codec);
  }

  @Override
  public void clearSnapshot() {
    models.incidents().reset();
    models.optimizations().reset();
    models.refuels().reset();
  }
}
