package com.towerco.notification.delivery;

import com.towerco.notification.domain.DeliveryRequest;
import com.towerco.notification.domain.Receiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts to HTTP receivers (generic JSON, Slack, Alertmanager format) with the JDK's HTTP
 * client. 2xx is delivered; 408, 429 and 5xx are failures worth retrying; any other 4xx means
 * the receiver will never take this request, so the delivery gives up at once.
 */
public final class WebhookSender implements ChannelSender {
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final HttpClient client;
  private final Duration timeout;

  public WebhookSender(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public SendResult send(DeliveryRequest request) {
    Receiver receiver = request.receiver();
    byte[] body = switch (receiver.type()) {
      case SLACK -> Rendering.slack(request);
      case ALERTMANAGER -> Rendering.alertmanager(request);
      default -> Rendering.generic(request);
    };
    HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(receiver.url()))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header(IDEMPOTENCY_HEADER, request.idempotencyKey())
        .header("X-Towerco-Attempt", String.valueOf(request.attempt()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    receiver.headers().forEach(http::header);
    try {
      HttpResponse<Void> response = client.send(http.build(),
          HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return SendResult.ok(status);
      }
      String error = "HTTP " + status + " from " + receiver.name();
      boolean retryable = status >= 500 || status == 408 || status == 429;
      return retryable ? SendResult.failed(status, error) : SendResult.rejected(status, error);
    } catch (IOException e) {
      return SendResult.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.failed(null, "interrupted");
    } catch (IllegalArgumentException e) {
      return SendResult.rejected(null, "bad request: " + e.getMessage());
    }
  }
}
