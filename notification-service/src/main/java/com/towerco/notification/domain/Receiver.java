package com.towerco.notification.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

  static final int MAX_HEADERS = 20;
  static final int MAX_HEADER_VALUE = 2048;
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
  private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length",
      "content-type", "content-encoding", "transfer-encoding", "connection", "keep-alive", "te",
      "trailer", "upgrade", "expect", "cookie", "idempotency-key");

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
    checkHeaders(name, headers);
    if (type == Channel.EMAIL && (to.isEmpty() || to.stream().anyMatch(a -> !a.contains("@")))) {
      throw new IllegalArgumentException("receiver " + name + " needs e-mail addresses in 'to'");
    }
  }

  /**
   * Headers a tenant may add: at most {@value #MAX_HEADERS}, token names, one-line values of at
   * most {@value #MAX_HEADER_VALUE} characters, and none that the service sets itself or that
   * change how the request travels ({@code Host}, {@code Content-Length}, ...).
   */
  private static void checkHeaders(String name, Map<String, String> headers) {
    if (headers.size() > MAX_HEADERS) {
      throw new IllegalArgumentException("receiver " + name + ": at most " + MAX_HEADERS
          + " headers");
    }
    headers.forEach((header, value) -> {
      String lower = header.toLowerCase(java.util.Locale.ROOT);
      if (!HEADER_NAME.matcher(header).matches() || RESERVED_HEADERS.contains(lower)
          || lower.startsWith("x-towerco-") || lower.startsWith("proxy-")) {
        throw new IllegalArgumentException("receiver " + name + ": header '" + header
            + "' is not allowed");
      }
      if (value == null || value.length() > MAX_HEADER_VALUE
          || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
        throw new IllegalArgumentException("receiver " + name + ": header '" + header
            + "' needs a one-line value of at most " + MAX_HEADER_VALUE + " characters");
      }
    });
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
