package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The output-schema check runs after the answer: the SDK is told "valid" at once, the real verdict is still reached. */
class LazySchemaValidatorTest {
  private static final Map<String, Object> SCHEMA = Map.of("type", "object",
      "properties", Map.of("count", Map.of("type", "integer")), "required", List.of("count"));

  @Test
  void aMatchingResultIsAnsweredAndFoundValid() throws Exception {
    LazySchemaValidator validator = new LazySchemaValidator();

    JsonSchemaValidator.ValidationResponse answer = validator.validate(SCHEMA, Map.of("count", 3));

    assertThat(answer.valid()).isTrue();
    assertThat(validator.mismatchesAfterQueuedChecks()).isZero();
  }

  @Test
  void aResultThatDoesNotMatchIsStillAnsweredAndCountedAsAMismatch() throws Exception {
    LazySchemaValidator validator = new LazySchemaValidator();

    JsonSchemaValidator.ValidationResponse wrongType = validator.validate(SCHEMA, Map.of("count", "three"));
    JsonSchemaValidator.ValidationResponse missing = validator.validate(SCHEMA, Map.of());

    assertThat(wrongType.valid()).as("answered as it is, not replaced by an error").isTrue();
    assertThat(missing.valid()).isTrue();
    assertThat(validator.mismatchesAfterQueuedChecks()).isEqualTo(2);
  }
}
