package com.towerco.events;

import java.time.Instant;

/**
 * An envelope read by a {@link PayloadProjection}: its routing attributes, checked as the codec
 * checks them, and of its payload only the values the projection keeps.
 */
public record ProjectedEvent(
    String eventId,
    String eventType,
    String tenantId,
    String siteId,
    Instant timestamp,
    String version,
    PayloadProjection.Values payload) {}
