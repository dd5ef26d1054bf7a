package com.towerco.events.payload.site;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An equipment alarm in ITU-T X.733 terms, raised or cleared. A clear carries the
 * {@code alarmId} of the alarm it clears.
 */
public record SiteAlarm(
    @JsonProperty(required = true) String alarmId,
    @JsonProperty(required = true) AlarmState state,
    @JsonProperty(required = true) PerceivedSeverity perceivedSeverity,
    @JsonProperty(required = true) X733EventType eventType,
    @JsonProperty(required = true) ProbableCause probableCause,
    @JsonProperty(required = true) String specificProblem,
    @JsonProperty(required = true) String managedObject,
    String additionalText,
    String tenantId) implements Payload {

  public SiteAlarm {
    Check.id(alarmId, "alarm_id");
    required(state, "state");
    required(perceivedSeverity, "perceived_severity");
    required(eventType, "event_type");
    required(probableCause, "probable_cause");
    text(specificProblem, "specific_problem", 200);
    text(managedObject, "managed_object", 200);
    Check.optionalText(additionalText, "additional_text", 1000);
    Check.optionalId(tenantId, "tenant_id");
  }

  /** Raised or cleared. */
  public enum AlarmState {
    @JsonProperty("raised") RAISED,
    @JsonProperty("cleared") CLEARED
  }

  /** X.733 perceived severity. */
  public enum PerceivedSeverity {
    @JsonProperty("critical") CRITICAL,
    @JsonProperty("major") MAJOR,
    @JsonProperty("minor") MINOR,
    @JsonProperty("warning") WARNING,
    @JsonProperty("indeterminate") INDETERMINATE,
    @JsonProperty("cleared") CLEARED
  }

  /** X.733 event types. */
  public enum X733EventType {
    @JsonProperty("communicationsAlarm") COMMUNICATIONS,
    @JsonProperty("qualityOfServiceAlarm") QUALITY_OF_SERVICE,
    @JsonProperty("processingErrorAlarm") PROCESSING_ERROR,
    @JsonProperty("equipmentAlarm") EQUIPMENT,
    @JsonProperty("environmentalAlarm") ENVIRONMENTAL
  }

  /** The probable causes a towerco site reports (X.733 / X.721 names where they exist). */
  public enum ProbableCause {
    @JsonProperty("commercialPowerFailure") COMMERCIAL_POWER_FAILURE,
    @JsonProperty("generatorFailure") GENERATOR_FAILURE,
    @JsonProperty("batteryDischarging") BATTERY_DISCHARGING,
    @JsonProperty("lowBatteryThreshold") LOW_BATTERY_THRESHOLD,
    @JsonProperty("rectifierFailure") RECTIFIER_FAILURE,
    @JsonProperty("airConditioningFailure") AIR_CONDITIONING_FAILURE,
    @JsonProperty("enclosureDoorOpen") ENCLOSURE_DOOR_OPEN,
    @JsonProperty("highTemperature") HIGH_TEMPERATURE,
    @JsonProperty("intrusion") INTRUSION,
    @JsonProperty("lowFuel") LOW_FUEL,
    @JsonProperty("transmissionFailure") TRANSMISSION_FAILURE,
    @JsonProperty("powerSupplyFailure") POWER_SUPPLY_FAILURE
  }
}
