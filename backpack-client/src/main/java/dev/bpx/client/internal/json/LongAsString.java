package dev.bpx.client.internal.json;

import com.squareup.moshi.JsonQualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code Long} record component whose wire form is a JSON string holding an integer, e.g.
 * ticker and kline {@code "trades":"3858"}, read as {@link Long}. A number token is accepted too.
 * Written back as a JSON string.
 *
 * <p>The {@code RECORD_COMPONENT} target matters: Moshi's record adapter reads qualifiers from the
 * record component, so without it the qualifier would be ignored (see
 * {@code JsonQualifierOnRecordsTest}). See {@code backpack-api.md} section 8.
 */
@JsonQualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER
})
public @interface LongAsString {}
