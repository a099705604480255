package dev.bpx.it;

/** {@link EmergencyStopSuite} under the MCP Java SDK's client. */
class EmergencyStopIT extends EmergencyStopSuite {
  @Override
  ServerUnderTest.Client client() {
    return ServerUnderTest.Client.JAVA_SDK;
  }
}
