package dev.bpx.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A refusal as an assistant reads it: tool arguments rather than the client's Java names, "nothing was
 * sent" said once, and no argument repeated whole. The refusals are the client's own, made by its
 * request builders, except where the client's check needs an account (the breakers' wording is copied).
 */
class ToolWordsTest {
  private static ValidationException refusal(Runnable build) {
    try {
      build.run();
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("the client accepted it");
  }

  @Test
  void theClientsBuilderRefusalsSpeakToolArgumentsNotJavaMethods() {
    ValidationException noQuantity = refusal(() -> OrderRequest.builder("SOL_USDC", Side.BID, OrderType.MARKET).build());
    ValidationException marketWithPrice = refusal(() -> OrderRequest.marketByQuantity("SOL_USDC", Side.BID, BigDecimal.ONE)
        .price(new BigDecimal("100")).build());
    assertThat(noQuantity.getMessage()).contains("OrderRequest.");
    assertThat(marketWithPrice.getMessage()).contains("OrderRequest.");

    String quantity = ToolErrors.describe(noQuantity);
    String price = ToolErrors.describe(marketWithPrice);

    assertThat(quantity).contains("give quantity (base asset) or quoteQuantity (quote asset)").doesNotContain("OrderRequest", "(...)");
    assertThat(price).contains("use orderType Limit for a price limit").doesNotContain("OrderRequest", "(...)");
  }

  @Test
  void aBreakerRefusalDropsTheJavaSetterAndSaysNothingWasSentOnce() {
    // CircuitBreakers' wording for the open-orders breaker, with its fix "nothing was sent".
    ValidationException breaker = new ValidationException("order", "circuit breaker maxOpenOrders: 2 orders are open,"
        + " the limit is 2; cancel orders first, use a market or IOC order, or raise BACKPACK_MAX_OPEN_ORDERS"
        + " (SafetyLimits.withMaxOpenOrders)", "nothing was sent");

    String text = ToolErrors.describe(breaker);

    assertThat(text).startsWith("Refused before sending: order: circuit breaker maxOpenOrders")
        .contains("raise BACKPACK_MAX_OPEN_ORDERS.").doesNotContain("SafetyLimits", "()");
    assertThat(text.toLowerCase()).containsOnlyOnce("nothing was sent");
  }

  @Test
  void aFixThatEndsWithNothingWasSentKeepsItsAdviceAndSaysItOnce() {
    ValidationException noPosition = new ValidationException("symbol", "there is no open position in SOL_USDC_PERP",
        "list the open positions to see which symbols have one; nothing was sent");

    String text = ToolErrors.describe(noPosition);

    assertThat(text).contains("(list the open positions to see which symbols have one)");
    assertThat(text.toLowerCase()).containsOnlyOnce("nothing was sent");
  }

  @Test
  void severalProblemsAreListedOnOneLineEach() {
    ValidationException two = new ValidationException(List.of(
        new ValidationException.Violation("quantity", "0 is not positive", "use an amount greater than 0"),
        new ValidationException.Violation("price", "is required", "a limit order needs a price")));

    assertThat(ToolErrors.describe(two)).startsWith("Refused before sending: 2 problems: quantity: 0 is not positive"
        + " (use an amount greater than 0); price: is required (a limit order needs a price). Nothing was sent");
  }

  @Test
  void anEchoedArgumentIsCutTo64CharactersWithItsLength() {
    String huge = "x".repeat(100_000);

    String invalid = ToolErrors.describe(new ToolInputException("'symbol' '" + huge + "' is not a market symbol"));
    String refused = ToolErrors.describe(new ValidationException("symbol", "the exchange has no market '" + huge + "'",
        "list the markets"));

    for (String text : List.of(invalid, refused)) {
      assertThat(text).hasSizeLessThan(400).contains("x".repeat(63) + "…(").doesNotContain("x".repeat(65));
    }
    assertThat(invalid).contains("…(100002 chars)"); // the run is the value with its quotes
  }

  @Test
  void shortValuesAndOrdinaryTextAreLeftAlone() {
    assertThat(ToolWords.capRuns("the exchange has no market 'FOO_USDC' (did you mean SOL_USDC?)"))
        .isEqualTo("the exchange has no market 'FOO_USDC' (did you mean SOL_USDC?)");
    assertThat(ToolWords.capRuns("a " + "y".repeat(64) + " b")).isEqualTo("a " + "y".repeat(64) + " b");
    assertThat(ToolWords.capRuns("a " + "y".repeat(65) + " b")).isEqualTo("a " + "y".repeat(64) + "…(65 chars) b");
  }
}
