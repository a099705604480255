package dev.bpx.client.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.bpx.client.model.PriceLevel;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a depth level from its wire form, the two-element array {@code ["118310.0","1.00000"]}
 * (price, quantity), and writes it back the same way. Extra trailing elements are skipped so a
 * future third column would not break decoding. Null-safe. See {@code backpack-api.md} section 2.1.
 *
 * <p>Thread-safe.
 */
public final class PriceLevelAdapter extends JsonAdapter<PriceLevel> {

  private final JsonAdapter<BigDecimal> decimals = new BigDecimalAdapter();

  @Override
  public PriceLevel fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    reader.beginArray();
    BigDecimal price = nextDecimal(reader, "price");
    BigDecimal quantity = nextDecimal(reader, "quantity");
    while (reader.hasNext()) {
      reader.skipValue();
    }
    reader.endArray();
    return new PriceLevel(price, quantity);
  }

  private BigDecimal nextDecimal(JsonReader reader, String what) throws IOException {
    if (!reader.hasNext()) {
      throw new JsonDataException(
          "Expected [price, quantity] but the " + what + " is missing at path " + reader.getPath());
    }
    return decimals.fromJson(reader);
  }

  @Override
  public void toJson(JsonWriter writer, PriceLevel value) throws IOException {
    if (value == null) {
      writer.nullValue();
      return;
    }
    writer.beginArray();
    decimals.toJson(writer, value.price());
    decimals.toJson(writer, value.quantity());
    writer.endArray();
  }

  @Override
  public String toString() {
    return "JsonAdapter(PriceLevel)";
  }
}
