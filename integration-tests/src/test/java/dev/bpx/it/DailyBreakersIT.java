package dev.bpx.it;

/** {@link DailyBreakersSuite} under the MCP Java SDK's client. */
class DailyBreakersIT extends DailyBreakersSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.JAVA_SDK;
  }
}
