package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssetTest {

  static final String USDC =
      """
      {"symbol":"USDC","displayName":"USD Coin","coingeckoId":"usd-coin","tokens":[
        {"blockchain":"Solana","displayName":"USD Coin","contractAddress":"EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
         "depositEnabled":true,"minimumDeposit":"0.5","withdrawEnabled":true,"minimumWithdrawal":"2",
         "maximumWithdrawal":null,"withdrawalFee":"1","nativeDecimals":6},
        {"blockchain":"SomeNewChain2031","displayName":"USD Coin","depositEnabled":false,
         "minimumDeposit":"1","withdrawEnabled":false,"minimumWithdrawal":"5",
         "maximumWithdrawal":"1000000","withdrawalFee":"0.25"}]}
      """;

  @Test
  void assetAndTokensDecodeFieldByField() {
    Asset a = parse(Asset.class, USDC);

    assertThat(a.symbol()).isEqualTo("USDC");
    assertThat(a.displayName()).isEqualTo("USD Coin");
    assertThat(a.coingeckoId()).isEqualTo("usd-coin");
    assertThat(a.tokens()).hasSize(2);
    Token sol = a.tokens().get(0);
    assertThat(sol.blockchain()).isEqualTo("Solana");
    assertThat(sol.displayName()).isEqualTo("USD Coin");
    assertThat(sol.contractAddress()).isEqualTo("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");
    assertThat(sol.depositEnabled()).isTrue();
    assertThat(sol.minimumDeposit()).isEqualByComparingTo("0.5");
    assertThat(sol.withdrawEnabled()).isTrue();
    assertThat(sol.minimumWithdrawal()).isEqualByComparingTo("2");
    assertThat(sol.maximumWithdrawal()).isNull();
    assertThat(sol.withdrawalFee()).isEqualByComparingTo("1");
    assertThat(sol.nativeDecimals()).isEqualTo(6);
  }

  @Test
  void unknownBlockchainStaysAsItsString() {
    Token other = parse(Asset.class, USDC).tokens().get(1);

    assertThat(other.blockchain()).isEqualTo("SomeNewChain2031");
    assertThat(other.maximumWithdrawal()).isEqualByComparingTo("1000000");
  }

  @Test
  void optionalFieldsAbsentAreNullAndMissingTokensEmpty() {
    Asset a = parse(Asset.class, "{\"symbol\":\"POINTS\",\"displayName\":\"Points\"}");

    assertThat(a.coingeckoId()).isNull();
    assertThat(a.tokens()).isEmpty();
    Token t = parse(Token.class, "{\"blockchain\":\"Bitcoin\",\"displayName\":\"Bitcoin\"}");
    assertThat(t.contractAddress()).isNull();
    assertThat(t.maximumWithdrawal()).isNull();
    assertThat(t.nativeDecimals()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    String withUnknowns =
        withUnknownFields(USDC).replace("\"nativeDecimals\":6", "\"nativeDecimals\":6,\"memo\":true");

    assertThat(parse(Asset.class, withUnknowns)).isEqualTo(parse(Asset.class, USDC));
  }
}
