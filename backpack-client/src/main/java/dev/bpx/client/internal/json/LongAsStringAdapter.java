package dev.bpx.client.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;

/**
 * Reads a {@link LongAsString} component, an integer that Backpack sends as a JSON string
 * ({@code "trades":"3858"}); a number token is accepted too. Writes it back as a string so
 * payloads round-trip. Null-safe. See {@code backpack-api.md} section 8.
 *
 * <p>Thread-safe.
 */
public final class LongAsStringAdapter extends JsonAdapter<Long> {

  @Override
  public Long fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    // nextLong() parses a quoted integer as well as a number token, and names the path on failure.
    return reader.nextLong();
  }

  @Override
  public void toJson(JsonWriter writer, Long value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else {
      writer.value(Long.toString(value));
    }
  }

  @Override
  public String toString() {
    return "JsonAdapter(Long @LongAsString)";
  }
}
