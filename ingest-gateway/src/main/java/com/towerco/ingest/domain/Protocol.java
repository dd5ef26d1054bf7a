package com.towerco.ingest.domain;

/** How a site's message reached the gateway; recorded in every event's metadata. */
public enum Protocol {
  MQTT, HTTP, SNMP;

  /** The name in metadata and dead-letter headers: {@code mqtt}, {@code http}, {@code snmp}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
