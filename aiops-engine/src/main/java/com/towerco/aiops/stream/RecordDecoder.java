package com.towerco.aiops.stream;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;

/**
 * Decodes a consumed record given its coordinates: the platform's process-wide shared decoder in
 * production, the plain codec in topology tests.
 */
@FunctionalInterface
public interface RecordDecoder {
  Envelope decode(String topic, int partition, long offset, byte[] value)
      throws InvalidEventException;

  static RecordDecoder of(EventCodec codec) {
    return (topic, partition, offset, value) -> codec.decode(value);
  }
}
