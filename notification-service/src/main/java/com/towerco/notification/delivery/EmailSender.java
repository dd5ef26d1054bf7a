package com.towerco.notification.delivery;

import com.towerco.notification.config.SmtpSettings;
import com.towerco.notification.domain.DeliveryRequest;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends e-mail receivers' notifications through the service's SMTP server (Jakarta Mail,
 * Eclipse Angus). The Message-ID is derived from the idempotency key, which mail systems
 * already deduplicate on, and is repeated in an {@code X-Idempotency-Key} header. Errors are
 * recorded as fixed sentences; the server's own words (which can name internal hosts) are only
 * logged.
 */
public final class EmailSender implements ChannelSender {
  private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);
  private final SmtpSettings smtp;
  private final Session session;

  public EmailSender(SmtpSettings smtp) {
    this.smtp = smtp;
    Properties props = new Properties();
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", String.valueOf(smtp.port()));
    props.put("mail.smtp.connectiontimeout", String.valueOf(smtp.timeout().toMillis()));
    props.put("mail.smtp.timeout", String.valueOf(smtp.timeout().toMillis()));
    props.put("mail.smtp.writetimeout", String.valueOf(smtp.timeout().toMillis()));
    props.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
    props.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
    Authenticator auth = null;
    if (smtp.username() != null) {
      props.put("mail.smtp.auth", "true");
      auth = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(smtp.username(), smtp.password());
        }
      };
    }
    this.session = Session.getInstance(props, auth);
  }

  @Override
  public SendResult send(DeliveryRequest request) {
    try {
      MimeMessage message = new IdentifiedMessage(session,
          "<" + request.idempotencyKey() + "@towerco.notifications>");
      message.setFrom(new InternetAddress(smtp.from()));
      for (String to : request.receiver().to()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      }
      message.setSubject(Rendering.subject(request), StandardCharsets.UTF_8.name());
      message.setText(Rendering.mailText(request), StandardCharsets.UTF_8.name());
      message.setHeader("X-Idempotency-Key", request.idempotencyKey());
      message.setHeader("X-Towerco-Attempt", String.valueOf(request.attempt()));
      Transport.send(message);
      return SendResult.ok(null);
    } catch (AddressException e) {
      return SendResult.rejected(null, "bad address: a recipient is not an e-mail address");
    } catch (SendFailedException e) {
      LOG.info("tenant {} receiver {}: {}", request.tenant(), request.receiver().name(),
          e.toString());
      boolean noneValid = e.getValidSentAddresses() == null && e.getValidUnsentAddresses() == null
          && e.getInvalidAddresses() != null;
      return noneValid ? SendResult.rejected(null, "rejected: the mail server refused every "
          + "recipient") : SendResult.failed(null, "failed: the mail server did not take the "
          + "message");
    } catch (MessagingException e) {
      LOG.info("tenant {} receiver {}: {}", request.tenant(), request.receiver().name(),
          e.toString());
      return SendResult.failed(null, "failed: the mail server did not take the message");
    }
  }

  /** A message whose Message-ID is ours rather than one generated at send time. */
  private static final class IdentifiedMessage extends MimeMessage {
    private final String messageId;

    IdentifiedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
