package dev.bpx.paper.ws;

import dev.bpx.auth.json.JsonWriter;

/**
 * The frames the server writes, through the project's one JSON codec ({@link JsonWriter}).
 *
 * <p>Error codes: neither the AsyncAPI spec nor {@code backpack-api.md} gives WebSocket error codes, so
 * these are ours, in the 4000 range that RFC 6455 leaves to applications: {@value #INVALID_REQUEST} a
 * frame that is not a valid control frame, {@value #INVALID_STREAM} a stream name the spec does not
 * have (or a market this exchange does not list), {@value #UNAUTHORIZED} a private stream whose
 * signature is missing, malformed, expired or wrong.
 */
final class Frames {
  static final int INVALID_REQUEST = 4000;
  static final int INVALID_STREAM = 4001;
  static final int UNAUTHORIZED = 4002;

  private Frames() {}

  /** {@code {"stream":"<name>","data":<dataJson>}}; {@code dataJson} goes in as given. */
  static String data(String stream, String dataJson) {
    StringBuilder out = new StringBuilder(stream.length() + dataJson.length() + 24);
    out.append("{\"stream\":");
    JsonWriter.writeString(out, stream);
    return out.append(",\"data\":").append(dataJson).append('}').toString();
  }

  /** {@code {"id":<id or null>,"error":{"code":<code>,"message":"..."}}} */
  static String error(Object id, int code, String message) {
    return new JsonWriter().beginObject()
        .name("id").raw(id)
        .name("error").beginObject().field("code", code).field("message", message).endObject()
        .endObject().toString();
  }

  /**
   * {@code {"id":<id>,"result":null}}: the reply to a control frame that carried an id and succeeded.
   * Without an id nothing is sent, so a client that never sends ids only ever sees data frames.
   */
  static String result(Object id) {
    return new JsonWriter().beginObject().name("id").raw(id).name("result").nullValue().endObject().toString();
  }
}
