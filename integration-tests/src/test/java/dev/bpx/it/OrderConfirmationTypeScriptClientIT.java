package dev.bpx.it;

/**
 * {@link OrderConfirmationSuite} under the official TypeScript SDK's client, which checks the server's
 * elicitation request against the spec and validates the refusals against create_order's output schema.
 */
class OrderConfirmationTypeScriptClientIT extends OrderConfirmationSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.TYPESCRIPT_SDK;
  }
}
