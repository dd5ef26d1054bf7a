package com.towerco.ingest.domain;

/**
 * One message as a site sent it, before any check: the protocol and the gateway instance that
 * received it, where it came from ({@code source}: the MQTT topic, the HTTP gateway key, the trap
 * sender), the site it claims to be from when the transport says so (the MQTT topic does; an HTTP
 * item says it in its body: then {@code siteId} is null), the event type the transport implies
 * (null when the body says it) and the raw bytes, kept for the dead-letter topic.
 */
public record Arrival(Protocol protocol, String gatewayId, String source, String siteId,
    String eventType, byte[] raw) {}
