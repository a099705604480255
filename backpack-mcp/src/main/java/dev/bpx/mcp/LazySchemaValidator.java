package dev.bpx.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;

/**
 * The SDK's JSON Schema validator, created on first use instead of at server build.
 *
 * <p>At build the SDK checks every tool's schemas against the JSON Schema meta-schema, which loads the
 * whole validator library before the server can answer {@code tools/list}. Our tool schemas are fixed
 * at compile time, so that check runs once in a unit test ({@code ToolSchemasTest}) instead; output
 * validation of tool results, which the SDK does on every call, still uses the real validator.
 *
 * <p>Thread-safe.
 */
final class LazySchemaValidator implements JsonSchemaValidator {
  private volatile JsonSchemaValidator delegate;

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    return delegate().validate(schema, structuredContent);
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return delegate().validateSchema(schema);
  }

  @Override
  public void assertConforms(String context, Map<String, Object> schema) {
    // Checked by ToolSchemasTest at build time; see the class comment.
  }

  private JsonSchemaValidator delegate() {
    JsonSchemaValidator d = delegate;
    if (d == null) {
      synchronized (this) {
        d = delegate;
        if (d == null) {
          d = McpJsonDefaults.getSchemaValidator();
          delegate = d;
        }
      }
    }
    return d;
  }
}
