package com.towerco.ingest.domain;

import com.towerco.events.payload.site.SiteAlarm;

/** Alarms the tests send. */
public final class EdgeContractTestAlarms {
  private EdgeContractTestAlarms() {}

  public static SiteAlarm mainsFailure() {
    return EdgeContractTest.alarm();
  }
}
