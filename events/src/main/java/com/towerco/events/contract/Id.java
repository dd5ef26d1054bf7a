package com.towerco.events.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A site, tenant, region or similar id: {@code [A-Za-z0-9][A-Za-z0-9_-]{0,63}} (see
 * {@link com.towerco.events.Ids}). On a list of strings it applies to every item.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Id {
}
