package com.towerco.notification.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Where a tenant's notifications go: an HTTP webhook with a generic JSON body, a
 * Slack-compatible incoming webhook, an Alertmanager-format webhook (so receivers written for
 * Prometheus Alertmanager plug in unchanged), e-mail over the service's SMTP server, or the
 * service log. {@code headers} are sent with HTTP requests (an auth token, say).
 */
public record Receiver(
    String name,
    Channel type,
    String url,
    Map<String, String> headers,
    List<String> to) {

  /** The channel, which is also the {@code channel} of each delivery attempt. */
  public enum Channel {
    @JsonProperty("webhook") WEBHOOK,
    @JsonProperty("slack") SLACK,
    @JsonProperty("alertmanager") ALERTMANAGER,
    @JsonProperty("email") EMAIL,
    @JsonProperty("log") LOG;

    public String wireName() {
      return name().toLowerCase();
    }

    public boolean http() {
      return this == WEBHOOK || this == SLACK || this == ALERTMANAGER;
    }
  }

  public Receiver {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("a receiver needs a name of 1..100 characters");
    }
    if (type == null) {
      throw new IllegalArgumentException("receiver " + name + " needs a type");
    }
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    to = to == null ? List.of() : List.copyOf(to);
    if (type.http()) {
      URI uri;
      try {
        uri = URI.create(url == null ? "" : url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("receiver " + name + ": bad url " + url);
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException("receiver " + name + " needs an http(s) url");
      }
    }
    if (type == Channel.EMAIL && (to.isEmpty() || to.stream().anyMatch(a -> !a.contains("@")))) {
      throw new IllegalArgumentException("receiver " + name + " needs e-mail addresses in 'to'");
    }
  }

  public static Receiver log(String name) {
    return new Receiver(name, Channel.LOG, null, null, null);
  }

  public static Receiver webhook(String name, Channel type, String url) {
    return new Receiver(name, type, url, null, null);
  }

  public static Receiver email(String name, String... to) {
    return new Receiver(name, Channel.EMAIL, null, null, List.of(to));
  }
}
