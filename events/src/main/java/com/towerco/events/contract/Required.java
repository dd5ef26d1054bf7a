package com.towerco.events.contract;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field every valid payload carries: the schema lists it in {@code required}, and Jackson
 * refuses a payload without it (this annotation bundles {@code @JsonProperty(required = true)}).
 * A field without it is optional: absent on the wire (never {@code null}), null in the record.
 * Primitive fields must be required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD,
    ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@JacksonAnnotationsInside
@JsonProperty(required = true)
public @interface Required {
}
