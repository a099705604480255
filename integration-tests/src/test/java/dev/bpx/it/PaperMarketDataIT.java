package dev.bpx.it;

/** {@link PaperMarketDataSuite} under the official Java SDK's client. */
class PaperMarketDataIT extends PaperMarketDataSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.JAVA_SDK;
  }
}
