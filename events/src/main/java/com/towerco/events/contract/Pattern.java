package com.towerco.events.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that matches a regular expression as a whole (for formats with no annotation of their
 * own); {@code means} names the format in error messages, e.g. "a month YYYY-MM".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Pattern {
  String value();

  String means();
}
