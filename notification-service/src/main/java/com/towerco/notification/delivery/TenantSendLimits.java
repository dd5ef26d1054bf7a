package com.towerco.notification.delivery;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;

/**
 * At most {@code perMinute} outbound sends per tenant per minute (Resilience4j rate limiters,
 * one per tenant): one tenant's storm, or a routing that names a hundred receivers, cannot make
 * the service flood the outside world or starve the other tenants' deliveries. A send over the
 * limit is not made; it fails and is retried with the delivery's backoff.
 */
final class TenantSendLimits {
  static final String LIMITED = "not attempted: the tenant's sends are over the operator's "
      + "limit per minute";

  private final RateLimiterRegistry limiters;

  TenantSendLimits(int perMinute) {
    this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
        .limitForPeriod(perMinute).limitRefreshPeriod(Duration.ofMinutes(1))
        .timeoutDuration(Duration.ZERO).build());
  }

  /** Takes one send of {@code tenant}'s allowance; false when it is used up. */
  boolean tryAcquire(String tenant) {
    RateLimiter limiter = limiters.rateLimiter(tenant);
    return limiter.acquirePermission();
  }

  /** {@code sender}, sending only within the tenant's allowance. */
  ChannelSender limit(ChannelSender sender) {
    return request -> tryAcquire(request.tenant()) ? sender.send(request)
        : SendResult.failed(null, LIMITED);
  }
}
