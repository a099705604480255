package dev.bpx.it;

/** {@link ErrorHandlingSuite} under the MCP Java SDK's client. */
class ErrorHandlingIT extends ErrorHandlingSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.JAVA_SDK;
  }
}
