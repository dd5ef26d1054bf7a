package com.towerco.notification.config;

import java.time.Duration;

/**
 * The SMTP server e-mail receivers send through. It belongs to the service, not to a tenant:
 * tenants name addresses, the platform operator names the server.
 */
public record SmtpSettings(
    String host,
    Integer port,
    String from,
    String username,
    String password,
    Boolean starttls,
    Duration timeout) {

  public SmtpSettings {
    host = host == null ? "localhost" : host;
    port = port == null ? 25 : port;
    from = from == null ? "towerco-notifications@localhost" : from;
    starttls = starttls != null && starttls;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    if (port < 1 || port > 65_535 || !from.contains("@")) {
      throw new IllegalArgumentException("smtp: bad port or from address");
    }
  }

  public static SmtpSettings defaults() {
    return new SmtpSettings(null, null, null, null, null, null, null);
  }
}
