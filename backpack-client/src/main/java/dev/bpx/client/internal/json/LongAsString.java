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
 * Marks a {@code Long} record component whose wire form is a JSON string holding an integer, e.g.
 * ticker and kline {@code "trades":"3858"}, read as {@link Long}. A number token is accepted too.
 * Written back as a JSON string.
 *
 * <p>Its targets are those of every qualifier here ({@link TimestampAdapters} says why).
 */
@JsonQualifier
@Retention(RUNTIME)
@Target({RECORD_COMPONENT, FIELD, METHOD, PARAMETER})
public @interface LongAsString {}
