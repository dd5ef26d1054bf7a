package com.towerco.platform.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoginGuardTest {
  private final AtomicLong now = new AtomicLong(Instant.parse("2026-03-01T10:00:00Z")
      .toEpochMilli());
  private final Clock clock = new Clock() {
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    public Clock withZone(ZoneId zone) {
      return this;
    }

    public Instant instant() {
      return Instant.ofEpochMilli(now.get());
    }
  };
  private final LoginGuard guard = new LoginGuard(
      new LoginGuard.Limits(20, 10, 3, Duration.ofMinutes(5)), clock);

  @Test
  void strangersGuessingFromManyAddressesNeverLockOutTheUserFromItsOwn() {
    for (int i = 0; i < 50; i++) {
      String stranger = "203.0.113." + i;
      guard.check("noc", stranger);
      guard.failed("noc", stranger);
    }
    assertThatCode(() -> guard.check("noc", "198.51.100.7"))
        .as("the user's own address, with the right password").doesNotThrowAnyException();
  }

  @Test
  void anAccountUnderAttackAllowsEachAddressOnlyAFewMoreGuesses() {
    for (int i = 0; i < 10; i++) {
      guard.failed("noc", "203.0.113." + i);
    }
    guard.failed("noc", "203.0.113.99");
    guard.failed("noc", "203.0.113.99");
    assertThatCode(() -> guard.check("noc", "203.0.113.99")).doesNotThrowAnyException();
    guard.failed("noc", "203.0.113.99");
    assertThatThrownBy(() -> guard.check("noc", "203.0.113.99"))
        .isInstanceOf(ApiException.class).hasMessageContaining("this user from this address");
    assertThatCode(() -> guard.check("altel", "203.0.113.99"))
        .as("other accounts from that address").doesNotThrowAnyException();
  }

  @Test
  void anAddressThatFailsTooOftenIsRefusedForEveryAccountUntilTheWindowPasses() {
    for (int i = 0; i < 20; i++) {
      guard.failed("user" + i, "203.0.113.5");
    }
    assertThatThrownBy(() -> guard.check("someone-else", "203.0.113.5"))
        .hasMessageContaining("from this address");
    assertThatCode(() -> guard.check("someone-else", "203.0.113.6"))
        .doesNotThrowAnyException();
    now.addAndGet(Duration.ofMinutes(5).toMillis());
    assertThatCode(() -> guard.check("someone-else", "203.0.113.5"))
        .doesNotThrowAnyException();
  }

  @Test
  void remembersVerifiedCredentialsOnlyWhileTheAccountIsUnchanged() {
    guard.remember("noc:pw", Caller.operator("noc"), "acct-1");
    assertThat(guard.cached("noc:pw", "acct-1")).isPresent();
    assertThat(guard.cached("noc:pw", "acct-2")).as("the password was changed").isEmpty();
    now.addAndGet(Duration.ofMinutes(6).toMillis());
    assertThat(guard.cached("noc:pw", "acct-1")).isEmpty();
  }

  @Test
  void logsEveryFailedAndRefusedLoginForAudit() {
    Logger audit = (Logger) LoggerFactory.getLogger("towerco.audit");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    audit.addAppender(lines);
    try {
      LoginGuard strict = new LoginGuard(new LoginGuard.Limits(1, 10, 3, Duration.ofMinutes(5)),
          clock);
      strict.failed("noc", "203.0.113.5");
      assertThatThrownBy(() -> strict.check("noc", "203.0.113.5"));
      strict.failed("bad\nname", "203.0.113.6");
      assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
          "login failed: user 'noc' from 203.0.113.5: wrong username or password",
          "login refused: user 'noc' from 203.0.113.5: too many failed logins from this address",
          "login failed: user (malformed) from 203.0.113.6: wrong username or password");
    } finally {
      audit.detachAppender(lines);
    }
  }
}
