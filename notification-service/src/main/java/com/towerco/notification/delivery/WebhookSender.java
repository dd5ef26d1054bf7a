package com.towerco.notification.delivery;

import com.towerco.notification.domain.DeliveryRequest;
import com.towerco.notification.domain.Receiver;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to HTTP receivers (generic JSON, Slack, Alertmanager format) through
 * {@link OutboundHttp}. 2xx is delivered; 408, 429 and 5xx are failures worth retrying; any
 * other status (a redirect included: none is followed) means the receiver will never take this
 * request, so the delivery gives up at once, as it does for a destination the operator does
 * not allow. The recorded error is one of a few fixed sentences: it never carries an address,
 * an exception message or anything else from inside the platform (those go to the log).
 */
public final class WebhookSender implements ChannelSender, AutoCloseable {
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

  private final OutboundHttp http;

  WebhookSender(OutboundHttp http) {
    this.http = http;
  }

  @Override
  public SendResult send(DeliveryRequest request) {
    Receiver receiver = request.receiver();
    byte[] body = switch (receiver.type()) {
      case SLACK -> Rendering.slack(request);
      case ALERTMANAGER -> Rendering.alertmanager(request);
      default -> Rendering.generic(request);
    };
    Map<String, String> headers = new LinkedHashMap<>(receiver.headers());
    headers.put(IDEMPOTENCY_HEADER, request.idempotencyKey());
    headers.put("X-Towerco-Attempt", String.valueOf(request.attempt()));
    try {
      int status = http.post(URI.create(receiver.url()), headers, body);
      if (status >= 200 && status < 300) {
        return SendResult.ok(status);
      }
      String error = "HTTP " + status + " from " + receiver.name()
          + (status >= 300 && status < 400 ? ": redirects are not followed" : "");
      boolean retryable = status >= 500 || status == 408 || status == 429;
      return retryable ? SendResult.failed(status, error) : SendResult.rejected(status, error);
    } catch (DestinationGuard.Refused e) {
      LOG.warn("tenant {} receiver {}: {}", request.tenant(), receiver.name(), e.getMessage());
      return SendResult.rejected(null, "refused: the destination is not a public address and "
          + "the operator does not allow it");
    } catch (IOException e) {
      LOG.info("tenant {} receiver {}: {}", request.tenant(), receiver.name(), e.toString());
      return SendResult.failed(null, describe(e));
    } catch (IllegalArgumentException e) {
      return SendResult.rejected(null, "bad request: the receiver's URL or headers are invalid");
    }
  }

  private static String describe(IOException e) {
    if (e instanceof ConnectTimeoutException) {
      return "failed: no connection within the connect timeout";
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return "failed: no response within the request timeout";
    }
    if (e instanceof UnknownHostException) {
      return "failed: the host name did not resolve";
    }
    if (e instanceof ConnectException) {
      return "failed: the connection was refused";
    }
    if (e instanceof SSLException) {
      return "failed: the TLS handshake failed";
    }
    return "failed: the connection broke";
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
