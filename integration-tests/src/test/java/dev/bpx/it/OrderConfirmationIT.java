package dev.bpx.it;

/** {@link OrderConfirmationSuite} under the MCP Java SDK's client. */
class OrderConfirmationIT extends OrderConfirmationSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.JAVA_SDK;
  }
}
