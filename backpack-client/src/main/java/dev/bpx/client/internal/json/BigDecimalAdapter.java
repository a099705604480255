package dev.bpx.client.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a Backpack decimal from a JSON string ({@code "0.10"}) or number ({@code 0.10}) token and
 * writes it back as a plain JSON string ({@code toPlainString()}), never passing through
 * {@code double}.
 *
 * <p>{@link JsonReader#nextString()} returns a number token's literal text, so both spellings keep
 * every digit and their scale. JSON {@code null} reads as {@code null}. Malformed text fails with a
 * {@link JsonDataException} naming the JSON path. See {@code backpack-api.md} section 8.
 *
 * <p>Thread-safe.
 */
public final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {

  @Override
  public BigDecimal fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    String text = reader.nextString();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new JsonDataException(
          "Expected a decimal but was \"" + text + "\" at path " + reader.getPath(), e);
    }
  }

  @Override
  public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else {
      writer.value(value.toPlainString());
    }
  }

  @Override
  public String toString() {
    return "BigDecimalAdapter";
  }
}
