package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemStatusTest {

  @Test
  void okStatusWithNullMessageDecodes() {
    SystemStatus s = parse(SystemStatus.class, "{\"status\":\"Ok\",\"message\":null}");

    assertThat(s.status()).isEqualTo(ExchangeStatus.OK);
    assertThat(s.message()).isNull();
  }

  @Test
  void maintenanceStatusWithMessageDecodes() {
    SystemStatus s =
        parse(SystemStatus.class, "{\"status\":\"Maintenance\",\"message\":\"Upgrading engine\"}");

    assertThat(s.status()).isEqualTo(ExchangeStatus.MAINTENANCE);
    assertThat(s.message()).isEqualTo("Upgrading engine");
  }

  @Test
  void absentMessageIsNullAndUnknownStatusIsUnknown() {
    SystemStatus s = parse(SystemStatus.class, "{\"status\":\"Degraded\"}");

    assertThat(s.status()).isEqualTo(ExchangeStatus.UNKNOWN);
    assertThat(s.message()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    String json = "{\"status\":\"Ok\",\"message\":\"fine\"}";

    assertThat(parse(SystemStatus.class, withUnknownFields(json))).isEqualTo(parse(SystemStatus.class, json));
  }
}
