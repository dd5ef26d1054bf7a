package com.towerco.platform.runtime;

import java.util.List;

/** A service that owns projections offers them to the replay command through this. */
public interface ProjectionSource {
  List<Projection> projections();
}
