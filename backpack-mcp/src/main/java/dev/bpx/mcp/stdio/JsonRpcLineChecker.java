package dev.bpx.mcp.stdio;

import dev.bpx.auth.json.Json;
import dev.bpx.auth.json.JsonWriter;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Decides whether one line of stdin is a JSON-RPC 2.0 message the MCP SDK can take, and if not, which
 * error to answer with. The SDK ends the whole session on the first line it cannot read, so every line
 * is checked here first.
 *
 * <p>Thread-safe (stateless).
 */
final class JsonRpcLineChecker {
  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int INTERNAL_ERROR = -32603;
  static final int INVALID_PARAMS = -32602;

  private JsonRpcLineChecker() {}

  /**
   * The verdict for one line: {@code error == null} means forward it to the SDK. An accepted request
   * or notification carries the parsed message (numbers as {@link BigDecimal}, exactly as written).
   */
  record Verdict(Integer errorCode, String errorMessage, Object id, Map<String, Object> message) {
    static final Verdict OK = new Verdict(null, null, null);

    Verdict(Integer errorCode, String errorMessage, Object id) {
      this(errorCode, errorMessage, id, null);
    }

    boolean ok() {
      return errorCode == null;
    }
  }

  static Verdict check(String line) {
    Object parsed;
    try {
      parsed = Json.parse(line);
    } catch (IllegalArgumentException e) {
      return new Verdict(PARSE_ERROR, "Parse error: " + e.getMessage(), null);
    }
    if (parsed instanceof List) {
      return new Verdict(INVALID_REQUEST, "Invalid Request: JSON-RPC batches are not supported; send one message per line", null);
    }
    if (!(parsed instanceof Map<?, ?> message)) {
      return new Verdict(INVALID_REQUEST, "Invalid Request: a message must be a JSON object", null);
    }
    Object id = message.get("id");
    Object usableId = isValidId(id) ? id : null;
    if (!"2.0".equals(message.get("jsonrpc"))) {
      return new Verdict(INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\"", usableId);
    }
    if (message.containsKey("id") && !isValidId(id)) {
      return new Verdict(INVALID_REQUEST, "Invalid Request: \"id\" must be a string or an integer", null);
    }
    if (message.containsKey("method")) {
      if (!(message.get("method") instanceof String)) {
        return new Verdict(INVALID_REQUEST, "Invalid Request: \"method\" must be a string", usableId);
      }
      Object params = message.get("params");
      if (message.containsKey("params") && !(params instanceof Map) && !(params instanceof List)) {
        return new Verdict(INVALID_REQUEST, "Invalid Request: \"params\" must be an object or an array", usableId);
      }
      Verdict verdict = sdkVerdict(line, usableId);
      // An accepted request carries its id, so the guard can wait for its answer at the end of input.
      @SuppressWarnings("unchecked")
      Map<String, Object> parsedMessage = (Map<String, Object>) message;
      return verdict.ok() ? new Verdict(null, null, usableId, parsedMessage) : verdict;
    }
    if (message.containsKey("result") || message.containsKey("error")) {
      if (!message.containsKey("id")) {
        return new Verdict(INVALID_REQUEST, "Invalid Request: a response needs an \"id\"", null);
      }
      if (message.containsKey("error") && !(message.get("error") instanceof Map)) {
        return new Verdict(INVALID_REQUEST, "Invalid Request: \"error\" must be an object", usableId);
      }
      return sdkVerdict(line, usableId);
    }
    return new Verdict(INVALID_REQUEST, "Invalid Request: expected \"method\" (request or notification) or \"result\"/\"error\" (response)", usableId);
  }

  private static boolean isValidId(Object id) {
    if (id instanceof String) {
      return true;
    }
    if (id instanceof BigDecimal number) {
      // scale 0: an integer literal ("1", not "1.0" or "1e2", which the SDK reads as a double and refuses).
      return number.scale() == 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }
    return false;
  }

  /**
   * The last word goes to the SDK's own reader: a line that passes the checks above but that it still
   * cannot read (e.g. a response with {@code "result":null}, an error object without a code, an id
   * written {@code 1E0}, a number longer than Jackson's limit) would otherwise end the session.
   */
  private static Verdict sdkVerdict(String line, Object usableId) {
    try {
      McpSchema.deserializeJsonRpcMessage(McpJsonDefaults.getMapper(), line);
      return Verdict.OK;
    } catch (Exception e) {
      String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      if (reason.length() > 200) {
        reason = reason.substring(0, 200) + "…";
      }
      return new Verdict(INVALID_REQUEST, "Invalid Request: not a JSON-RPC message the MCP server can read (" + reason + ")", usableId);
    }
  }

  /** {@return a JSON-RPC error response line (without newline)} */
  static String errorResponse(Verdict verdict) {
    StringBuilder out = responseStart(verdict.id());
    out.append(",\"error\":{\"code\":").append(verdict.errorCode()).append(",\"message\":");
    JsonWriter.writeString(out, verdict.errorMessage());
    return out.append("}}").toString();
  }

  /** {@return a JSON-RPC result response line (without newline); {@code resultJson} is the result's JSON text} */
  static String resultResponse(Object id, String resultJson) {
    return responseStart(id).append(",\"result\":").append(resultJson).append('}').toString();
  }

  private static StringBuilder responseStart(Object id) {
    StringBuilder out = new StringBuilder(128).append("{\"jsonrpc\":\"2.0\",\"id\":");
    if (id instanceof String s) {
      JsonWriter.writeString(out, s);
    } else if (id instanceof BigDecimal n) {
      out.append(n.toBigIntegerExact());
    } else {
      out.append("null");
    }
    return out;
  }

  /** The longest piece of a client's text quoted back in an error, so a huge value cannot make a huge answer. */
  static final int MAX_QUOTED_CHARS = 64;

  /** {@return {@code text} for quoting in an error: as it is when short, else its start and its length} */
  static String clip(String text) {
    return text.length() <= MAX_QUOTED_CHARS ? text
        : text.substring(0, MAX_QUOTED_CHARS) + "... (" + text.length() + " characters)";
  }

  /** {@return what JSON value {@code value} is, for an error message: "a string", "a number", ...} */
  static String kind(Object value) {
    if (value instanceof String) {
      return "a string";
    } else if (value instanceof Number) {
      return "a number";
    } else if (value instanceof Boolean) {
      return "a boolean";
    } else if (value instanceof List) {
      return "an array";
    }
    return value == null ? "null" : "an object";
  }
}
