package dev.bpx.mcp;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Schema checks for tool schemas and tool results, done with the validator library directly
 * (networknt 3.x, JSON Schema 2020-12) and with the SDK's validator, so a broken schema or a result
 * that does not match its schema is caught even if one of the two were lenient.
 */
public final class SchemaChecks {
  private static final JsonMapper MAPPER = JsonMapper.shared();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

  private SchemaChecks() {}

  /** {@return what is wrong with {@code schema} as a tool schema; empty when nothing} */
  public static List<String> schemaProblems(Map<String, Object> schema) {
    List<String> problems = new ArrayList<>();
    if (schema == null) {
      return List.of("no schema");
    }
    JsonSchemaValidator sdk = McpJsonDefaults.getSchemaValidator();
    JsonSchemaValidator.ValidationResponse verdict = sdk.validateSchema(schema);
    if (!verdict.valid()) {
      problems.add("SDK meta-schema check: " + verdict.errorMessage());
    }
    JsonNode node = MAPPER.valueToTree(schema);
    Schema meta = REGISTRY.getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    for (Error e : meta.validate(node)) {
      problems.add("meta-schema: " + e.getMessage());
    }
    try {
      REGISTRY.getSchema(node);
    } catch (RuntimeException e) {
      problems.add("does not compile: " + e.getMessage());
    }
    if (!"object".equals(schema.get("type"))) {
      problems.add("root type is not object");
    }
    walk(schema, "$", problems);
    return problems;
  }

  @SuppressWarnings("unchecked")
  private static void walk(Object node, String path, List<String> problems) {
    if (node instanceof Map<?, ?> map) {
      Object pattern = map.get("pattern");
      if (pattern instanceof String p) {
        try {
          Pattern.compile(p);
        } catch (PatternSyntaxException e) {
          problems.add(path + ".pattern does not compile: " + e.getDescription());
        }
      }
      Object required = map.get("required");
      Object properties = map.get("properties");
      if (required instanceof List<?> names && properties instanceof Map<?, ?> props) {
        for (Object name : names) {
          if (!props.containsKey(name)) {
            problems.add(path + ".required names '" + name + "', which is not a property");
          }
        }
      }
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        walk(e.getValue(), path + "." + e.getKey(), problems);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  /** {@return the validation errors of {@code instance} against {@code schema}; empty when valid} */
  public static List<String> instanceProblems(Map<String, Object> schema, Object instance) {
    List<String> problems = new ArrayList<>();
    JsonNode schemaNode = MAPPER.valueToTree(schema);
    JsonNode value = MAPPER.valueToTree(instance);
    for (Error e : REGISTRY.getSchema(schemaNode).validate(value)) {
      problems.add(e.getInstanceLocation() + ": " + e.getMessage());
    }
    JsonSchemaValidator.ValidationResponse sdk = McpJsonDefaults.getSchemaValidator().validate(schema, instance);
    if (!sdk.valid()) {
      problems.add("SDK: " + sdk.errorMessage());
    }
    return problems;
  }
}
