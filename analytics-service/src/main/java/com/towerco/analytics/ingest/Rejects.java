package com.towerco.analytics.ingest;

import com.towerco.platform.runtime.SourceRecord;

/** Where an event the database refuses goes (the dead-letter topic); returns once it is sent. */
@FunctionalInterface
public interface Rejects {
  void reject(SourceRecord source, String detail) throws Exception;
}
