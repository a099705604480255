package dev.bpx.paper.market;

import java.math.BigDecimal;

/**
 * A starting holding of one asset, as a new account receives it: free, lent and staked quantities.
 * Configuration, like the asset and market specs beside it.
 */
public record Holding(BigDecimal available, BigDecimal lent, BigDecimal staked) {}
