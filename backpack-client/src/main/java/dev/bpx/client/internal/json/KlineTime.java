package dev.bpx.client.internal.json;

import com.squareup.moshi.JsonQualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code Instant} record component whose wire form is a kline {@code "YYYY-MM-DD HH:MM:SS"}
 * string (space separator, no zone, UTC), e.g. {@code "2025-07-19 13:09:00"}. A {@code T} separator
 * and a fraction are tolerated. Written back in the space-separated form.
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
public @interface KlineTime {}
