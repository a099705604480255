package dev.bpx.it;

/** {@link TradeJournalSuite} under the MCP Java SDK's client. */
class TradeJournalIT extends TradeJournalSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.JAVA_SDK;
  }
}
