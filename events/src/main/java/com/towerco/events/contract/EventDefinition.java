package com.towerco.events.contract;

import com.towerco.events.TopicFamily;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a payload record an event type: its name on the wire, its current version
 * ({@code MAJOR.MINOR}), the topic family it travels on and what it means. The record is the
 * one source of the type: the build derives its JSON Schema (every minor version of the current
 * major), the type index and the catalogue from it, and the codec checks decoded payloads with
 * the constraints on its components. Older major versions are read through {@link #upcasters()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventDefinition {
  /** The {@code event_type} on the wire, e.g. {@code site.telemetry}. */
  String name();

  /** The current version, {@code MAJOR.MINOR}; minor versions only add optional fields. */
  String version();

  TopicFamily topic();

  /** One or two sentences for the catalogue and the schema. */
  String description();

  /** How payloads of older major versions become this record, oldest first. */
  Class<? extends Upcaster>[] upcasters() default {};
}
