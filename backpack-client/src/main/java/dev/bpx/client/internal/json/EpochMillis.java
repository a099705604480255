package dev.bpx.client.internal.json;

import com.squareup.moshi.JsonQualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code Instant} record component whose wire form is an integer count of milliseconds
 * since the Unix epoch, e.g. {@code 1757621458290} (orders' {@code createdAt}/{@code triggeredAt},
 * trades, {@code nextFundingTimestamp}, open interest). A digit string is accepted too. Written
 * back as a JSON number.
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
public @interface EpochMillis {}
