package com.towerco.notification.config;

import com.towerco.notification.domain.Route;
import com.towerco.notification.domain.TenantRouting;
import java.time.Duration;
import java.util.List;

/**
 * What the service may do towards receivers, decided by the operator (file section
 * {@code outbound}): the destinations besides public addresses it may call ({@code allow}: CIDR
 * blocks such as {@code 10.20.0.0/16}, host names, {@code *.example.net}), how long it waits to
 * connect, how much of a response it reads, how many sends a tenant may cause per minute, and
 * the shortest group and repeat intervals a routing may ask for, so that no tenant can turn the
 * service into a flood.
 */
public record OutboundSettings(
    List<String> allow,
    Duration connectTimeout,
    Integer maxResponseBytes,
    Integer tenantSendsPerMinute,
    Duration minGroupInterval,
    Duration minRepeatInterval) {

  public OutboundSettings {
    allow = allow == null ? List.of() : List.copyOf(allow);
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    maxResponseBytes = maxResponseBytes == null ? 64 * 1024 : maxResponseBytes;
    tenantSendsPerMinute = tenantSendsPerMinute == null ? 60 : tenantSendsPerMinute;
    minGroupInterval = minGroupInterval == null ? Duration.ofSeconds(10) : minGroupInterval;
    minRepeatInterval = minRepeatInterval == null ? Duration.ofMinutes(1) : minRepeatInterval;
    if (connectTimeout.isNegative() || connectTimeout.isZero()
        || connectTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("outbound.connect_timeout must be within (0, 1m]");
    }
    if (maxResponseBytes < 0 || maxResponseBytes > 10 * 1024 * 1024) {
      throw new IllegalArgumentException("outbound.max_response_bytes must be 0..10485760");
    }
    if (tenantSendsPerMinute < 1) {
      throw new IllegalArgumentException("outbound.tenant_sends_per_minute must be >= 1");
    }
    if (minGroupInterval.isNegative() || minRepeatInterval.isNegative()) {
      throw new IllegalArgumentException("outbound minimum intervals must not be negative");
    }
  }

  public static OutboundSettings defaults() {
    return new OutboundSettings(null, null, null, null, null, null);
  }

  /** Refuses a tenant's routing whose routes notify more often than the operator allows. */
  public void check(String tenant, TenantRouting routing) {
    for (Route route : routing.routes()) {
      if (route.groupInterval().compareTo(minGroupInterval) < 0) {
        throw new IllegalArgumentException("tenant " + tenant + " route " + route.name()
            + ": group_interval " + route.groupInterval()
            + " is below the minimum " + minGroupInterval
            + " (outbound.min_group_interval)");
      }
      if (route.repeatInterval().compareTo(minRepeatInterval) < 0) {
        throw new IllegalArgumentException("tenant " + tenant + " route " + route.name()
            + ": repeat_interval " + route.repeatInterval()
            + " is below the minimum " + minRepeatInterval
            + " (outbound.min_repeat_interval)");
      }
    }
  }
}
