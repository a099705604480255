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
 * Marks an {@code Instant} record component whose wire form is an integer count of
 * <em>micro</em>seconds since the Unix epoch, e.g. {@code 1753102447307501} (depth {@code
 * timestamp}). A digit string is accepted too. Written back as a JSON number.
 *
 * <p>Its targets are those of every qualifier here ({@link TimestampAdapters} says why).
 */
@JsonQualifier
@Retention(RUNTIME)
@Target({RECORD_COMPONENT, FIELD, METHOD, PARAMETER})
public @interface EpochMicros {}
