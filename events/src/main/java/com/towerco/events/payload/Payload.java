package com.towerco.events.payload;

/**
 * The body of an event. One record per event type and major version; each record checks its own
 * invariants in its constructor, so a decoded payload is always one its JSON Schema accepts.
 */
public sealed interface Payload
    permits SiteTelemetry, SiteAlarm, SiteConnectivity, SiteRegistered, SiteVisitScheduled,
        KpiComputed, AlertFiring, AlertResolved,
        IncidentEvent, IncidentCommand, SlaBreached, RecordSlaBreach,
        OptimizationEvent, OptimizationCommand, RefuelEvent, RefuelCommand,
        NotificationAttempted, NotificationSuppressed, NotificationEscalated,
        SilenceCreated, SilenceExpired, RoutingChanged {
}
