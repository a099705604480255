package dev.bpx.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElicitationConfirmationTest {
  private static UserConfirmation.Answer.Kind read(ElicitResult.Action action, Map<String, Object> content) {
    return ElicitationConfirmation.read(new ElicitResult(action, content)).kind();
  }

  @Test
  void onlyAnAcceptWithTheFieldTrueConfirms() {
    assertThat(read(ElicitResult.Action.ACCEPT, Map.of("confirm", true))).isEqualTo(UserConfirmation.Answer.Kind.CONFIRMED);
  }

  @Test
  void anAcceptWithoutAClearYesIsADecline() {
    assertThat(read(ElicitResult.Action.ACCEPT, Map.of("confirm", false))).isEqualTo(UserConfirmation.Answer.Kind.DECLINED);
    assertThat(read(ElicitResult.Action.ACCEPT, Map.of("confirm", "true"))).isEqualTo(UserConfirmation.Answer.Kind.DECLINED);
    assertThat(read(ElicitResult.Action.ACCEPT, Map.of())).isEqualTo(UserConfirmation.Answer.Kind.DECLINED);
    assertThat(read(ElicitResult.Action.ACCEPT, null)).isEqualTo(UserConfirmation.Answer.Kind.DECLINED);
  }

  @Test
  void declineAndCancelAreTheirOwnAnswers() {
    assertThat(read(ElicitResult.Action.DECLINE, null)).isEqualTo(UserConfirmation.Answer.Kind.DECLINED);
    assertThat(read(ElicitResult.Action.CANCEL, null)).isEqualTo(UserConfirmation.Answer.Kind.CANCELLED);
    assertThat(ElicitationConfirmation.read(null).kind()).isEqualTo(UserConfirmation.Answer.Kind.FAILED);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFormIsOneRequiredBooleanThatDefaultsToNo() {
    Map<String, Object> properties = (Map<String, Object>) ElicitationConfirmation.SCHEMA.get("properties");
    assertThat(ElicitationConfirmation.SCHEMA).containsEntry("type", "object").containsEntry("required", java.util.List.of("confirm"));
    assertThat(properties).containsOnlyKeys("confirm");
    assertThat((Map<String, Object>) properties.get("confirm")).containsEntry("type", "boolean").containsEntry("default", false);
  }
}
