package dev.bpx.it;

/**
 * {@link PaperMarketDataSuite} under the official TypeScript SDK's client, which validates every result against
 * the tool's output schema; skipped, with the reason, only where Node.js or npm cannot run here.
 */
class PaperMarketDataTypeScriptClientIT extends PaperMarketDataSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.TYPESCRIPT_SDK;
  }
}
