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
 * Marks an {@code Instant} record component whose wire form is an ISO-8601 local date-time string
 * without zone that Backpack means as UTC, e.g. {@code "2025-07-27T17:39:00.092"} or {@code
 * "2025-01-21T06:34:54.691858"} (history, fills, funding, markets' {@code createdAt}). Any fraction
 * from 0 to 9 digits is accepted; a trailing offset such as {@code Z} or {@code +00:00}, if
 * present, is honoured. Written back without zone, with 0, 3, 6 or 9 fraction digits (the fewest
 * that keep the value).
 *
 * <p>Its targets are those of every qualifier here ({@link TimestampAdapters} says why).
 */
@JsonQualifier
@Retention(RUNTIME)
@Target({RECORD_COMPONENT, FIELD, METHOD, PARAMETER})
public @interface NaiveUtc {}
