package dev.bpx.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonRpcLineCheckerTest {

  private static JsonRpcLineChecker.Verdict check(String line) {
    return JsonRpcLineChecker.check(line);
  }

  /** Parses the error response and returns it, checking it is a well-formed JSON-RPC error. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> response(JsonRpcLineChecker.Verdict verdict) {
    String line = JsonRpcLineChecker.errorResponse(verdict);
    assertThat(line).doesNotContain("\n");
    Map<String, Object> response = (Map<String, Object>) Json.parse(line);
    assertThat(response).containsOnlyKeys("jsonrpc", "id", "error").containsEntry("jsonrpc", "2.0");
    Map<String, Object> error = (Map<String, Object>) response.get("error");
    assertThat(error).containsOnlyKeys("code", "message");
    assertThat(error.get("message")).asString().isNotBlank();
    return response;
  }

  @SuppressWarnings("unchecked")
  private static int code(Map<String, Object> response) {
    return ((BigDecimal) ((Map<String, Object>) response.get("error")).get("code")).intValueExact();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
      "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"tools/list\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"method\":\"ping\",\"params\":{}}",
      "{\"jsonrpc\":\"2.0\",\"id\":-3,\"method\":\"ping\",\"params\":[]}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}",
      "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":-32601,\"message\":\"nope\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"x\"},\"extra\":true}"})
  void wellFormedMessagesPass(String line) {
    assertThat(check(line).ok()).isTrue();
    // ...and the SDK can read every one of them: a line it cannot read would end the session.
    assertThat(sdkReads(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "not json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} trailing",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}", "\"unterminated", "{'jsonrpc':'2.0'}"})
  void unparsableLineIsAParseErrorWithNullId(String line) {
    JsonRpcLineChecker.Verdict verdict = check(line);
    assertThat(verdict.ok()).isFalse();
    assertThat(verdict.errorCode()).isEqualTo(-32700);
    Map<String, Object> response = response(verdict);
    assertThat(response).containsEntry("id", null);
    assertThat(code(response)).isEqualTo(-32700);
  }

  @Test
  void batchIsAnInvalidRequest() {
    JsonRpcLineChecker.Verdict verdict = check("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
    assertThat(verdict.errorCode()).isEqualTo(-32600);
    assertThat(verdict.errorMessage()).contains("batch");
    assertThat(response(verdict)).containsEntry("id", null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"42", "\"text\"", "null", "true"})
  void nonObjectIsAnInvalidRequest(String line) {
    assertThat(check(line).errorCode()).isEqualTo(-32600);
  }

  @Test
  void wrongOrMissingJsonrpcVersionIsAnInvalidRequestAnsweredWithTheId() {
    JsonRpcLineChecker.Verdict wrong = check("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"ping\"}");
    assertThat(wrong.errorCode()).isEqualTo(-32600);
    assertThat(wrong.errorMessage()).contains("jsonrpc");
    assertThat(response(wrong).get("id")).isEqualTo(new BigDecimal("7"));

    JsonRpcLineChecker.Verdict missing = check("{\"id\":\"a\",\"method\":\"ping\"}");
    assertThat(missing.errorCode()).isEqualTo(-32600);
    assertThat(response(missing)).containsEntry("id", "a");

    assertThat(check("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}").errorCode()).isEqualTo(-32600);
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "1.5", "true", "{}", "[]", "99999999999999999999"})
  void badIdTypeIsAnInvalidRequestWithNullId(String id) {
    JsonRpcLineChecker.Verdict verdict = check("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");
    assertThat(verdict.errorCode()).isEqualTo(-32600);
    assertThat(response(verdict)).containsEntry("id", null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1e2", "1E0", "-0.0"})
  void numericIdThatIsNotAnIntegerLiteralIsRefused(String id) {
    // The SDK accepts only String, Integer or Long ids; Jackson reads these as Double, and a line the SDK
    // cannot read ends the whole session.
    String line = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}";
    assertThat(sdkReads(line)).isFalse();
    JsonRpcLineChecker.Verdict verdict = check(line);
    assertThat(verdict.ok()).isFalse();
    assertThat(verdict.errorCode()).isEqualTo(-32600);
    response(verdict);
  }

  @Test
  void methodMustBeAString() {
    JsonRpcLineChecker.Verdict verdict = check("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":5}");
    assertThat(verdict.errorCode()).isEqualTo(-32600);
    assertThat(verdict.errorMessage()).contains("method");
    assertThat(response(verdict).get("id")).isEqualTo(new BigDecimal("3"));
  }

  @Test
  void paramsMustBeAnObjectOrArray() {
    assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":\"x\"}").errorCode()).isEqualTo(-32600);
  }

  @Test
  void messageWithNeitherMethodNorResultIsAnInvalidRequest() {
    JsonRpcLineChecker.Verdict verdict = check("{\"jsonrpc\":\"2.0\",\"id\":8}");
    assertThat(verdict.errorCode()).isEqualTo(-32600);
    assertThat(verdict.errorMessage()).contains("method", "result");
    assertThat(response(verdict).get("id")).isEqualTo(new BigDecimal("8"));
  }

  @Test
  void responseWithoutIdIsAnInvalidRequest() {
    assertThat(check("{\"jsonrpc\":\"2.0\",\"result\":{}}").errorCode()).isEqualTo(-32600);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":null}",
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{},\"error\":{\"code\":1,\"message\":\"m\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{}}",
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":\"bad\",\"message\":\"m\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":\"text\"}"})
  void responseTheSdkCannotReadIsRefused(String line) {
    JsonRpcLineChecker.Verdict verdict = check(line);
    assertThat(verdict.ok()).isFalse();
    assertThat(verdict.errorCode()).isEqualTo(-32600);
    response(verdict);
  }

  @Test
  void errorResponseEscapesTheMessageAndKeepsStringIds() {
    JsonRpcLineChecker.Verdict verdict = new JsonRpcLineChecker.Verdict(-32600, "bad \"quote\"\nnewline", "id\"1");
    Map<String, Object> response = response(verdict);
    assertThat(response).containsEntry("id", "id\"1");
  }

  private static boolean sdkReads(String line) {
    try {
      McpSchema.deserializeJsonRpcMessage(McpJsonDefaults.getMapper(), line);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
