package com.towerco.events.payload.site;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An equipment alarm in ITU-T X.733 terms, raised or cleared. A clear carries the
 * {@code alarmId} of the alarm it clears.
 */
@EventDefinition(name = "site.alarm", version = "1.0", topic = TopicFamily.SITE_EVENTS,
    description = "An X.733 equipment alarm raised or cleared at the site.")
public record SiteAlarm(
    @Description("Id of this alarm instance; a clear repeats the id of the alarm it clears.")
    @Required @Id String alarmId,
    @Description("Raised or cleared.") @Required AlarmState state,
    @Description("X.733 perceived severity.") @Required PerceivedSeverity perceivedSeverity,
    @Description("X.733 event type.") @Required X733EventType eventType,
    @Description("X.733 probable cause.") @Required ProbableCause probableCause,
    @Description("Vendor-specific problem text.") @Required @Text(200) String specificProblem,
    @Description("The equipment that raised it, e.g. generator/1.")
    @Required @Text(200) String managedObject,
    @Description("Free text.") @Text(1000) String additionalText,
    @Description("The tenancy the alarm is about, when it is about one.")
    @Id String tenantId) implements Payload {

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
