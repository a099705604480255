package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * An asset on one blockchain, an element of {@link Asset#tokens()}. See {@code backpack-api.md}
 * section 2.1.
 *
 * <p>{@code blockchain} stays a {@code String} because the set grows often ({@code Solana},
 * {@code Ethereum}, {@code 0G}...). Thread-safe.
 *
 * @param blockchain blockchain name, e.g. {@code Solana}
 * @param displayName display name
 * @param contractAddress token contract address, or null for native assets
 * @param depositEnabled whether deposits are enabled
 * @param minimumDeposit smallest deposit accepted
 * @param withdrawEnabled whether withdrawals are enabled
 * @param minimumWithdrawal smallest withdrawal accepted
 * @param maximumWithdrawal largest withdrawal accepted, or null
 * @param withdrawalFee withdrawal fee, in the asset
 * @param nativeDecimals the token's native decimals on this chain, or null
 */
public record Token(
    String blockchain,
    String displayName,
    String contractAddress,
    Boolean depositEnabled,
    BigDecimal minimumDeposit,
    Boolean withdrawEnabled,
    BigDecimal minimumWithdrawal,
    BigDecimal maximumWithdrawal,
    BigDecimal withdrawalFee,
    Integer nativeDecimals) {}
