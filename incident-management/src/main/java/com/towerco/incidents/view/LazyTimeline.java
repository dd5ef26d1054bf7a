package com.towerco.incidents.view;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An incident's timeline restored from a snapshot: the events as their encoded bytes, decoded
 * when read (the API's history, or the next event of that incident). A restart restores
 * 100,000 incidents without decoding their million events; only what is asked for is decoded.
 * Immutable.
 */
final class LazyTimeline extends AbstractList<Envelope> implements RandomAccess {
  private final List<byte[]> encoded;
  private final EventCodec codec;

  LazyTimeline(List<byte[]> encoded, EventCodec codec) {
    this.encoded = List.copyOf(encoded);
    this.codec = codec;
  }

  @Override
  public Envelope get(int index) {
    try {
      return codec.decode(encoded.get(index));
    } catch (InvalidEventException e) {
      throw new IllegalStateException("an event of a restored timeline does not decode", e);
    }
  }

  @Override
  public int size() {
    return encoded.size();
  }

  /** The bytes of event {@code index}, as written. */
  byte[] encoded(int index) {
    return encoded.get(index);
  }
}
