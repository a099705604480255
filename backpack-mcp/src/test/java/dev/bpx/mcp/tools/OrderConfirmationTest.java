package dev.bpx.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.ConfirmationPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderConfirmationTest {
  private static String refusal(UserConfirmation.Answer answer) {
    return OrderConfirmation.refusal(answer, ConfirmationPolicy.parse("above:500"), Duration.ofSeconds(45));
  }

  @Test
  void everyAnswerButAYesSaysNotPlacedAndNothingSent() {
    for (UserConfirmation.Answer.Kind kind : UserConfirmation.Answer.Kind.values()) {
      if (kind == UserConfirmation.Answer.Kind.CONFIRMED) {
        continue;
      }
      assertThat(refusal(new UserConfirmation.Answer(kind, "broken pipe"))).as(kind.name())
          .startsWith("Not placed: ").contains("Nothing was sent to the exchange.");
    }
  }

  @Test
  void eachRefusalSaysWhatHappenedAndWhatToDo() {
    assertThat(refusal(UserConfirmation.Answer.of(UserConfirmation.Answer.Kind.DECLINED))).contains("declined", "unless the user asks");
    assertThat(refusal(UserConfirmation.Answer.of(UserConfirmation.Answer.Kind.TIMED_OUT))).contains("within 45 s");
    assertThat(refusal(new UserConfirmation.Answer(UserConfirmation.Answer.Kind.FAILED, "the session ended")))
        .contains("the session ended");
    assertThat(refusal(UserConfirmation.Answer.unsupported()))
        .contains("BACKPACK_CONFIRM_ORDERS=above:500 requires", "BACKPACK_CONFIRM_ORDERS=never", "restart");
  }

  @Test
  void theNoneConfirmationNeverSaysYes() {
    assertThat(UserConfirmation.NONE.ask("Buy 1 SOL_USDC", Duration.ofSeconds(1)).confirmed()).isFalse();
  }
}
