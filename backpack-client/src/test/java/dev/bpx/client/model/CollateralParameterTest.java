package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollateralParameterTest {

  static final String PARAMETERS =
      """
      [{"symbol":"USDC","imfFunction":{"type":"sqrt","base":"0.02","factor":"0.00006"},
        "mmfFunction":{"type":"sqrt","base":"0.0125","factor":"0.000036"},
        "haircutFunction":{"weight":"1","kind":{"type":"identity"}}},
       {"symbol":"SOL","imfFunction":{"type":"sqrt","base":"0.1","factor":"0.0001"},
        "mmfFunction":{"type":"sqrt","base":"0.05","factor":"0.00005"},
        "haircutFunction":{"weight":"0.9","kind":{"type":"inverseSqrt","base":"0.85","positiveCurvePenalty":"0.0000125"}}}]
      """;

  @Test
  void collateralParametersDecodeFieldByField() {
    List<CollateralParameter> list = ModelJson.parseList(CollateralParameter.class, PARAMETERS);

    CollateralParameter usdc = list.get(0);
    assertThat(usdc.symbol()).isEqualTo("USDC");
    assertThat(usdc.imfFunction().type()).isEqualTo("sqrt");
    assertThat(usdc.imfFunction().base()).isEqualByComparingTo("0.02");
    assertThat(usdc.imfFunction().factor()).isEqualByComparingTo("0.00006");
    assertThat(usdc.mmfFunction().base()).isEqualByComparingTo("0.0125");
    assertThat(usdc.mmfFunction().factor()).isEqualByComparingTo("0.000036");
    assertThat(usdc.haircutFunction().weight()).isEqualByComparingTo("1");
    assertThat(usdc.haircutFunction().kind().type()).isEqualTo("identity");
    assertThat(usdc.haircutFunction().kind().base()).isNull();
    assertThat(usdc.haircutFunction().kind().positiveCurvePenalty()).isNull();

    HaircutKind sol = list.get(1).haircutFunction().kind();
    assertThat(list.get(1).haircutFunction().weight()).isEqualByComparingTo("0.9");
    assertThat(sol.type()).isEqualTo("inverseSqrt");
    assertThat(sol.base()).isEqualByComparingTo("0.85");
    assertThat(sol.positiveCurvePenalty()).isEqualByComparingTo("0.0000125");
  }

  @Test
  void absentFieldsAreNull() {
    CollateralParameter p = parse(CollateralParameter.class, "{\"symbol\":\"USDC\"}");

    assertThat(p.imfFunction()).isNull();
    assertThat(p.mmfFunction()).isNull();
    assertThat(p.haircutFunction()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    String one =
        "{\"symbol\":\"USDC\",\"haircutFunction\":{\"weight\":\"1\",\"kind\":{\"type\":\"identity\"}}}";
    String withUnknowns = withUnknownFields(one).replace("{\"type\":\"identity\"}", "{\"type\":\"identity\",\"p\":1}");

    assertThat(parse(CollateralParameter.class, withUnknowns)).isEqualTo(parse(CollateralParameter.class, one));
  }
}
