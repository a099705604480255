package dev.bpx.client.model;

import com.squareup.moshi.Moshi;
import dev.bpx.client.internal.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Test fixture decoding through the production {@link JsonCodec} Moshi. */
final class ModelJson {

  private static final Moshi MOSHI = JsonCodec.newMoshi();

  private ModelJson() {}

  static <T> T parse(Class<T> type, String json) {
    try {
      return MOSHI.adapter(type).fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> List<T> parseList(Class<T> type, String json) {
    try {
      return JsonCodec.listAdapter(MOSHI, type).fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> String write(Class<T> type, T value) {
    return MOSHI.adapter(type).toJson(value);
  }

  /** Inserts unknown fields (scalar, object, array) right after the opening brace. */
  static String withUnknownFields(String json) {
    int brace = json.indexOf('{');
    return json.substring(0, brace + 1)
        + "\"addedLater\":\"x\",\"addedObject\":{\"a\":[1,2]},\"addedArray\":[{\"b\":null}],"
        + json.substring(brace + 1);
  }
}
