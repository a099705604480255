package dev.bpx.client.internal.json;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.squareup.moshi.JsonQualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks an {@code Instant} record component whose wire form is a kline {@code "YYYY-MM-DD HH:MM:SS"}
 * string (space separator, no zone, UTC), e.g. {@code "2025-07-19 13:09:00"}. A {@code T} separator
 * and a fraction are tolerated. Written back in the space-separated form.
 *
 * <p>Its targets are those of every qualifier here ({@link TimestampAdapters} says why).
 */
@JsonQualifier
@Retention(RUNTIME)
@Target({RECORD_COMPONENT, FIELD, METHOD, PARAMETER})
public @interface KlineTime {}
