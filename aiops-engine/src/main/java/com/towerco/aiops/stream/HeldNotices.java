package com.towerco.aiops.stream;

import java.util.List;

/**
 * The records of an alert whose problem has not settled yet, kept in the changelogged
 * {@code notification-holds} store until the correlator publishes or discards them: its firing
 * records and, if it resolved while held, its resolved records.
 */
record HeldNotices(List<Emission.Notice> firing, List<Emission.Notice> resolved) {
  HeldNotices {
    firing = firing == null ? List.of() : List.copyOf(firing);
    resolved = resolved == null ? List.of() : List.copyOf(resolved);
  }

  HeldNotices withResolved(List<Emission.Notice> records) {
    return new HeldNotices(firing, records);
  }
}
