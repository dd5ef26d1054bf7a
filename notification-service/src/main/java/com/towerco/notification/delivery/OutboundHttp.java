package com.towerco.notification.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client that calls tenants' receivers (Apache HttpClient): it connects only to
 * addresses its {@link DestinationGuard} resolved and checked, never follows a redirect, never
 * retries on its own (retries are the delivery policy's), uses no proxy or cookies, waits at
 * most {@code connectTimeout} to connect and {@code requestTimeout} for each read, caps the
 * status line and headers, and reads at most {@code maxResponseBytes} of a body before it cuts
 * the connection: only the status decides the outcome.
 */
final class OutboundHttp implements AutoCloseable {
  private final CloseableHttpClient client;
  private final DestinationGuard guard;
  private final Duration requestTimeout;
  private final int maxResponseBytes;

  OutboundHttp(DestinationGuard guard, Duration connectTimeout, Duration requestTimeout,
      int maxResponseBytes) {
    this.guard = guard;
    this.requestTimeout = requestTimeout;
    this.maxResponseBytes = maxResponseBytes;
    Timeout read = Timeout.of(requestTimeout);
    this.client = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(guard)
            .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                .http1Config(Http1Config.custom().setMaxLineLength(8_192)
                    .setMaxHeaderCount(100).build()).build())
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout)).setSocketTimeout(read).build())
            .setMaxConnTotal(64).setMaxConnPerRoute(4)
            .build())
        .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
            .setResponseTimeout(read).setConnectionRequestTimeout(read).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .setUserAgent("towerco-notifications")
        .build();
  }

  /** Posts {@code body} and returns the response status; I/O problems are thrown. */
  int post(URI uri, Map<String, String> headers, byte[] body) throws IOException {
    if (AddressRange.isLiteral(stripBrackets(uri.getHost()))) {
      guard.resolve(uri.getHost());
    }
    HttpPost post = new HttpPost(uri);
    headers.forEach(post::setHeader);
    post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
    long deadline = System.nanoTime() + requestTimeout.toNanos();
    ClassicHttpResponse response = client.executeOpen(null, post, null);
    int status = response.getCode();
    try {
      drain(post, response.getEntity(), deadline);
    } catch (IOException e) {
      post.cancel();
    } finally {
      try {
        response.close();
      } catch (IOException e) {
        // the body was cut on purpose or broke after the status: the status stands
      }
    }
    return status;
  }

  /**
   * Reads the body up to the size cap and the deadline, so a small answer leaves the
   * connection reusable; past either, cancels the request (closing the stream would read the
   * rest).
   */
  private void drain(HttpPost post, HttpEntity entity, long deadline) throws IOException {
    if (entity == null) {
      return;
    }
    InputStream in = entity.getContent();
    byte[] buffer = new byte[8_192];
    long read = 0;
    int n;
    while ((n = in.read(buffer)) >= 0) {
      read += n;
      if (read > maxResponseBytes || System.nanoTime() > deadline) {
        post.cancel();
        return;
      }
    }
    in.close();
  }

  private static String stripBrackets(String host) {
    return host != null && host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
