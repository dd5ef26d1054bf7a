package com.towerco.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.Payload;
import com.towerco.events.payload.RejectionCode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Given these events, when this command, expect these events or this refusal: the aggregate's
 * pure functions driven the way the command processor drives them (version check included).
 */
public final class GivenWhenThen<S, C extends Payload, E extends Payload> {
  private final Aggregate<S, C, E> aggregate;
  private S state;
  private Decision<E> decision;

  private GivenWhenThen(Aggregate<S, C, E> aggregate, List<E> history) {
    this.aggregate = aggregate;
    for (E event : history) {
      state = aggregate.evolve(state, event);
    }
  }

  @SafeVarargs
  public static <S, C extends Payload, E extends Payload> GivenWhenThen<S, C, E> given(
      Aggregate<S, C, E> aggregate, E... history) {
    return new GivenWhenThen<>(aggregate, Arrays.asList(history));
  }

  public static <S, C extends Payload, E extends Payload> GivenWhenThen<S, C, E> given(
      Aggregate<S, C, E> aggregate, List<E> history) {
    return new GivenWhenThen<>(aggregate, history);
  }

  public GivenWhenThen<S, C, E> when(C command, Instant at) {
    decision = aggregate.handle(state, command, at);
    return this;
  }

  /** The events decided, which are also folded into the state for further checks. */
  @SafeVarargs
  public final GivenWhenThen<S, C, E> then(E... expected) {
    assertThat(decision).as("decision").isInstanceOf(Decision.Accepted.class);
    List<E> events = ((Decision.Accepted<E>) decision).events();
    assertThat(events).containsExactly(expected);
    for (E event : events) {
      state = aggregate.evolve(state, event);
    }
    return this;
  }

  public GivenWhenThen<S, C, E> thenNothingHappens() {
    assertThat(decision).isEqualTo(Decision.ignore());
    return this;
  }

  public GivenWhenThen<S, C, E> thenRejected(RejectionCode code, String reasonContains) {
    assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, r -> {
      assertThat(r.code()).isEqualTo(code);
      assertThat(r.reason()).contains(reasonContains);
    });
    return this;
  }

  public S state() {
    return state;
  }

  public int version() {
    return aggregate.version(state);
  }
}
