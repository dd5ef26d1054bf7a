package com.towerco.dashboard.stream;

import static com.towerco.dashboard.domain.Fixtures.at;
import static com.towerco.dashboard.domain.Fixtures.reading;
import static com.towerco.dashboard.domain.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.dashboard.DashboardSettings;
import com.towerco.dashboard.domain.DashboardModel;
import com.towerco.dashboard.domain.ModelLimits;
import com.towerco.dashboard.domain.SiteDetail;
import com.towerco.dashboard.domain.SiteStatus;
import com.towerco.dashboard.domain.TelemetryPoint;
import com.towerco.dashboard.domain.UpdateLog;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.CaughtUp;
import com.towerco.platform.runtime.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's chart steps (ADR-067), driven as the consumer loop drives the handler: a
 * record with routing headers is offered undecoded first and decoded only if declined; after
 * each poll the handler is told whether the poll left records behind. The chart step is 10 s
 * (30 min / 180 points) and {@code Fixtures.T0} starts one.
 */
class DashboardEventHandlerTest {
  private static final byte[] NOT_JSON = "{not json".getBytes(StandardCharsets.UTF_8);

  private final EventCodec codec = new EventCodec();
  private DashboardModel model;
  private DashboardEventHandler handler;
  private int decoded;
  private long offset;

  @BeforeEach
  void newModel() {
    model = new DashboardModel(ModelLimits.defaults(), new UpdateLog(1_000, 1));
    model.register("S1", site("nairobi", "H1", "opA"));
    handler = new DashboardEventHandler(model, new DashboardSettings.Replay(
        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)),
        Clock.systemUTC(), new PlatformMetrics().forService("dashboard-test"), source -> {
          decoded++;
          return codec.decode(source.value());
        });
  }

  @Test
  void whileBehindAReadingInAStepWithAPointAddsNoPointAndIsNotParsed() throws Exception {
    for (int s = 0; s < 10; s++) {
      offer(reading("S1", at(s), true, false, 50 + s, "opA"));
    }
    handler.afterBatch(CaughtUp.ALWAYS, true);

    assertThat(decoded).isEqualTo(1); // the step's first reading only
    assertThat(soc()).containsExactly(50.0);
    assertThat(detail().powerChain().batterySocPct()).isEqualTo(50.0);
    assertThat(handler.held()).isEqualTo(1);

    offer(reading("S1", at(10), true, false, 70, "opA")); // the next step
    handler.afterBatch(CaughtUp.ALWAYS, true);
    assertThat(decoded).isEqualTo(2);
    assertThat(soc()).containsExactly(50.0, 70.0);
    assertThat(detail().powerChain().batterySocPct()).isEqualTo(70.0);
    assertThat(handler.held()).isZero(); // made moot by the newer step's reading
  }

  @Test
  void aReadingBetweenChartStepsAddsNoPointButUpdatesTheLatestStateOncePollsCatchUp()
      throws Exception {
    offer(reading("S1", at(0), true, false, 90, "opA"));
    offer(reading("S1", at(4), false, false, 80, "opA")); // the grid fails within the step
    offer(reading("S1", at(7), false, false, 75, "opA"));
    assertThat(detail().site().status()).isEqualTo(SiteStatus.OK);

    handler.afterBatch(CaughtUp.ALWAYS, false);

    SiteDetail detail = detail();
    assertThat(detail.site().status()).isEqualTo(SiteStatus.ON_BATTERY);
    assertThat(detail.powerChain().batterySocPct()).isEqualTo(75.0);
    assertThat(detail.conditions().at()).isEqualTo(at(7));
    assertThat(soc()).containsExactly(75.0); // one point for the step, its newest reading
    assertThat(decoded).isEqualTo(2); // the step's first and the newest, not the one between
    assertThat(handler.held()).isZero();
  }

  @Test
  void aLateReadingAndReadingsWithoutHeadersAreDecodedAndAppliedAsBefore() throws Exception {
    offer(reading("S1", at(60), false, false, 40, "opA"));
    offer(reading("S1", at(0), true, false, 100, "opA")); // late: an older step
    assertThat(decoded).isEqualTo(2);
    assertThat(soc()).containsExactly(100.0, 40.0);
    assertThat(detail().site().status()).isEqualTo(SiteStatus.ON_BATTERY);

    // a third party's readings (no routing headers): every one decoded and applied
    offerWithoutHeaders(reading("S1", at(61), true, false, 41, "opA"));
    offerWithoutHeaders(reading("S1", at(62), true, false, 42, "opA"));
    assertThat(decoded).isEqualTo(4);
    assertThat(soc()).containsExactly(100.0, 42.0);
    assertThat(detail().site().status()).isEqualTo(SiteStatus.OK);
  }

  @Test
  void aBadFirstReadingOfAStepDoesNotMakeItsPointAndABadHeldOneIsSkipped() throws Exception {
    Envelope bad = reading("S1", at(0), true, false, 10, "opA");
    assertThat(handler.handleUndecoded(EventHeaders.Attributes.of(bad), source(NOT_JSON)))
        .isFalse(); // declined: the runtime decodes it and dead-letters it with its reason
    assertThatThrownBy(() -> codec.decode(NOT_JSON)).isInstanceOf(InvalidEventException.class);

    offer(reading("S1", at(1), true, false, 60, "opA")); // still the step's first good one
    assertThat(decoded).isEqualTo(1);
    assertThat(soc()).containsExactly(60.0);

    Envelope badLater = reading("S1", at(2), true, false, 20, "opA");
    assertThat(handler.handleUndecoded(EventHeaders.Attributes.of(badLater), source(NOT_JSON)))
        .isTrue(); // passed over on its headers, and held
    handler.afterBatch(CaughtUp.ALWAYS, false);
    assertThat(detail().powerChain().batterySocPct()).isEqualTo(60.0);
    assertThat(detail().conditions().at()).isEqualTo(at(1));
  }


  @Test
  void aBadHeldReadingDoesNotHideTheStepsNewestGoodReading() throws Exception {
    offer(reading("S1", at(0), true, false, 90, "opA")); // opens the step, applied
    offer(reading("S1", at(3), false, false, 80, "opA")); // good, held
    Envelope badLater = reading("S1", at(5), true, false, 20, "opA");
    assertThat(handler.handleUndecoded(EventHeaders.Attributes.of(badLater), source(NOT_JSON)))
        .isTrue(); // passed over on its headers: replaces the good held one
    handler.afterBatch(CaughtUp.ALWAYS, false);

    // ADR-033 fell back to the step's other readings when its latest could not be decoded
    assertThat(detail().conditions().at()).isEqualTo(at(3));
    assertThat(detail().powerChain().batterySocPct()).isEqualTo(80.0);
  }

  @Test
  void aGoodOutOfOrderReadingAfterABadHeldOneIsNotDropped() throws Exception {
    offer(reading("S1", at(0), true, false, 90, "opA"));
    Envelope bad = reading("S1", at(8), true, false, 20, "opA");
    assertThat(handler.handleUndecoded(EventHeaders.Attributes.of(bad), source(NOT_JSON)))
        .isTrue();
    handler.afterBatch(CaughtUp.ALWAYS, false); // released: fails, skipped
    offer(reading("S1", at(5), false, false, 70, "opA")); // newer than the applied t0
    handler.afterBatch(CaughtUp.ALWAYS, false);

    assertThat(detail().conditions().at()).isEqualTo(at(5));
    assertThat(detail().powerChain().batterySocPct()).isEqualTo(70.0);
  }
  /** As the consumer loop does for a record with routing headers. */
  private void offer(Envelope event) throws Exception {
    SourceRecord source = source(codec.encode(event));
    if (!handler.handleUndecoded(EventHeaders.Attributes.of(event), source)) {
      decoded++;
      handler.handle(codec.decode(source.value()), source);
    }
  }

  private void offerWithoutHeaders(Envelope event) throws Exception {
    SourceRecord source = source(codec.encode(event));
    decoded++;
    handler.handle(codec.decode(source.value()), source);
  }

  private SourceRecord source(byte[] value) {
    return new SourceRecord("site-events", 0, offset++, "S1", value, 0L);
  }

  private SiteDetail detail() {
    return model.queries().site(Viewer.noc(), "S1").orElseThrow();
  }

  private java.util.List<Double> soc() {
    double[] v = detail().series().site().get(TelemetryPoint.BATTERY_SOC_PCT).v();
    return java.util.Arrays.stream(v).boxed().toList();
  }
}
