package dev.bpx.client.internal.stream;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * One inbound text frame, read into plain values: objects as maps, arrays as lists, strings <b>and
 * numbers as their literal text</b> (Moshi's {@code nextString()} on a number returns it unchanged, so
 * {@code 0.10} never passes through {@code double}), booleans, and null.
 *
 * @param stream the envelope's {@code stream}, or null for a control answer
 * @param data the envelope's {@code data} object, or null
 * @param error the text of an {@code error} answer (its {@code message}, or the whole value), or null
 */
record WireFrame(String stream, Map<String, Object> data, String error) {

  /**
   * {@return the frame read from {@code text}}
   *
   * @throws IOException if the text is not a JSON object
   */
  static WireFrame parse(String text) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
    Object root = read(reader);
    if (!(root instanceof Map<?, ?> map)) {
      throw new JsonDataException("frame is not a JSON object");
    }
    Object stream = map.get("stream");
    Object data = map.get("data");
    Object error = map.get("error");
    String errorText = null;
    if (error instanceof Map<?, ?> errorMap) {
      Object message = errorMap.get("message");
      errorText = message != null ? message.toString() : errorMap.toString();
    } else if (error != null) {
      errorText = error.toString();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> dataMap = data instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    return new WireFrame(stream instanceof String s ? s : null, dataMap, errorText);
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Object> map = new HashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), read(reader));
        }
        reader.endObject();
        return map;
      }
      case BEGIN_ARRAY -> {
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return list;
      }
      case STRING, NUMBER -> {
        return reader.nextString();
      }
      case BOOLEAN -> {
        return reader.nextBoolean();
      }
      case NULL -> {
        return reader.nextNull();
      }
      default -> throw new JsonDataException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }
}
