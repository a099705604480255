package dev.bpx.mcp.tools;

import dev.bpx.client.model.AccountSettings;
import dev.bpx.client.model.Balance;
import dev.bpx.client.model.BorrowLendPosition;
import dev.bpx.client.model.CollateralSummary;
import dev.bpx.client.model.Position;
import dev.bpx.client.request.AccountSettingsUpdate;
import dev.bpx.mcp.TradingSession;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Account tools: positions, balances, collateral, lending, settings. */
final class AccountTools {
  private AccountTools() {}

  static List<ToolDef> all(TradingSession session) {
    return List.of(listPositions(session), getBalances(session), getCollateral(session), getBorrowLendPositions(session),
        lend(session), redeem(session), getAccountSettings(session), updateAccountSettings(session));
  }

  private static ToolDef listPositions(TradingSession session) {
    return new ToolDef("list_positions", "List perpetual positions",
        "Open perpetual positions: netQuantity (positive long, negative short), entry, mark and break-even price,"
            + " PnL, estLiquidationPrice, margin fractions, funding paid. Spot holdings: get_balances.",
        Schemas.object(),
        WireJson.listSchema("positions", Position.class),
        ToolDef.Kind.READ, false,
        args -> {
          List<Position> listed = session.client().account().listPositions();
          // The list endpoint returns "0" for estLiquidationPrice; the single-symbol query has the real value.
          List<Position> positions = listed.stream()
              .map(p -> session.client().account().getPosition(p.symbol()).orElse(p))
              .toList();
          Map<String, Object> out = WireJson.listResult("positions", positions);
          StringBuilder text = new StringBuilder(positions.size() + " position(s)");
          for (Position p : positions) {
            text.append("\n- ").append(p.symbol()).append(' ').append(Text.plain(p.netQuantity())).append(" @ ")
                .append(Text.plain(p.entryPrice())).append(", mark ").append(Text.plain(p.markPrice()))
                .append(", uPnL ").append(Text.plain(p.pnlUnrealized())).append(", liq ").append(Text.plain(p.estLiquidationPrice()));
          }
          return new ToolDef.Result(out, text.toString());
        });
  }

  private static ToolDef getBalances(TradingSession session) {
    Map<String, Object> row = Schemas.object()
        .required("available", Schemas.string(null))
        .required("locked", Schemas.string("in open orders"))
        .required("staked", Schemas.string(null))
        .required("lent", Schemas.string("lent out through borrow-lend (earning interest)"))
        .required("borrowed", Schemas.string("owed (a debt, e.g. after a liquidation)"))
        .required("total", Schemas.string("available + locked + staked + lent"))
        .open().build();
    return new ToolDef("get_balances", "Get balances",
        "Balances per asset: available, locked (in orders), staked, lent, borrowed (owed), total. By default only"
            + " assets with a total or a debt.",
        Schemas.object().optional("showZeroBalances", Schemas.bool("Include assets whose total is zero (default false)")),
        Schemas.object()
            .required("balances", Map.of("type", "object", "additionalProperties", row))
            .required("count", Schemas.count("assets shown by default"))
            .required("totalAssets", Schemas.count("assets the account has a balance row for"))
            .open().build(),
        ToolDef.Kind.READ, false,
        args -> {
          boolean showZero = args.flag("showZeroBalances", false);
          List<Balance> balances = session.client().capital().listBalances();
          Map<String, Object> rows = new LinkedHashMap<>();
          int nonZero = 0;
          StringBuilder text = new StringBuilder();
          for (Balance b : balances) {
            boolean zero = b.total().signum() == 0 && !b.hasDebt();
            if (!zero) {
              nonZero++;
            }
            if (zero && !showZero) {
              continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("available", plain(b.available()));
            r.put("locked", plain(b.locked()));
            r.put("staked", plain(b.staked()));
            r.put("lent", plain(b.lent()));
            r.put("borrowed", plain(b.borrowed()));
            r.put("total", plain(b.total()));
            rows.put(b.asset(), r);
            text.append(text.length() == 0 ? "" : "\n").append(b.asset()).append(": ").append(plain(b.total()))
                .append(" (available ").append(plain(b.available())).append(", locked ").append(plain(b.locked()))
                .append(", staked ").append(plain(b.staked())).append(", lent ").append(plain(b.lent()))
                .append(", borrowed ").append(plain(b.borrowed())).append(')');
            if (b.hasDebt()) {
              text.append(" - owes ").append(plain(b.borrowed())).append(' ').append(b.asset())
                  .append(", paying interest: repay with lend");
            }
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("balances", rows);
          out.put("count", nonZero);
          out.put("totalAssets", balances.size());
          return new ToolDef.Result(out, text.length() == 0 ? "No balances." : text.toString());
        });
  }

  private static String plain(BigDecimal value) {
    return value == null ? "0" : value.toPlainString();
  }

  private static ToolDef getCollateral(TradingSession session) {
    return new ToolDef("get_collateral", "Get collateral and margin",
        "Margin account summary in USDC: net equity (total, available, locked), assets, liabilities, unrealized"
            + " PnL, IMF/MMF, margin fraction, per-asset collateral with haircut weights.",
        Schemas.object(),
        WireJson.schema(CollateralSummary.class),
        ToolDef.Kind.READ, false,
        args -> {
          CollateralSummary c = session.client().account().getCollateralSummary();
          return new ToolDef.Result(WireJson.object(c), "Net equity " + Text.plain(c.netEquity()) + " (available "
              + Text.plain(c.netEquityAvailable()) + "), unrealized PnL " + Text.plain(c.pnlUnrealized())
              + ", margin fraction " + Text.plain(c.marginFraction()) + ".");
        });
  }

  private static ToolDef getBorrowLendPositions(TradingSession session) {
    return new ToolDef("get_borrow_lend_positions", "Get lending and borrowing",
        "Borrow-lend positions per asset: netQuantity positive = lent (earning interest), negative = borrowed,"
            + " with cumulative interest.",
        Schemas.object(),
        WireJson.listSchema("positions", BorrowLendPosition.class),
        ToolDef.Kind.READ, false,
        args -> {
          List<BorrowLendPosition> positions = session.client().capital().listBorrowLendPositions();
          Map<String, Object> out = WireJson.listResult("positions", positions);
          StringBuilder text = new StringBuilder(positions.size() + " borrow-lend position(s)");
          for (BorrowLendPosition p : positions) {
            text.append("\n- ").append(p.symbol()).append(' ').append(Text.plain(p.netQuantity()));
          }
          return new ToolDef.Result(out, text.toString());
        });
  }

  private static ToolDef lend(TradingSession session) {
    return lending("lend", "Lend an asset",
        "Lends 'quantity' of an available asset to earn interest; it shows as 'lent' in get_balances until"
            + " redeemed.",
        "The asset, e.g. USDC or SOL", "Lent", (asset, quantity) -> session.client().capital().lend(asset, quantity));
  }

  private static ToolDef redeem(TradingSession session) {
    return lending("redeem", "Redeem lent funds",
        "Takes back 'quantity' (at most what is lent) of a lent asset.",
        "The asset, e.g. USDC", "Redeemed", (asset, quantity) -> session.client().capital().redeem(asset, quantity));
  }

  /** A write that moves {@code quantity} of {@code asset} into or out of lending; {@code done} opens its text. */
  private static ToolDef lending(String name, String title, String description, String assetDescription,
      String done, BiConsumer<String, BigDecimal> move) {
    return new ToolDef(name, title, description,
        Schemas.object()
            .required("asset", Schemas.string(assetDescription))
            .required("quantity", Schemas.decimal("How much, as a decimal string")),
        Schemas.object()
            .required("success", Schemas.bool("true"))
            .required("asset", Schemas.string(null))
            .required("quantity", Schemas.string(null))
            .optional("mode", Schemas.string("paper or live"))
            .open().build(),
        ToolDef.Kind.WRITE, false,
        args -> {
          String asset = asset(args);
          BigDecimal quantity = args.decimal("quantity");
          move.accept(asset, quantity);
          return new ToolDef.Result(Map.of("success", true, "asset", asset, "quantity", quantity.toPlainString()),
              done + " " + quantity.toPlainString() + " " + asset + ".");
        });
  }

  private static String asset(ToolArgs args) {
    String asset = args.string("asset").toUpperCase(java.util.Locale.ROOT);
    if (!asset.matches("[A-Z0-9]{1,20}")) {
      throw new ToolInputException("'asset' '" + asset + "' is not an asset symbol such as USDC or SOL");
    }
    return asset;
  }

  private static ToolDef getAccountSettings(TradingSession session) {
    return new ToolDef("get_account_settings", "Get account settings",
        "Account settings: auto-lend, auto-borrow settlements, auto-repay, leverage limit, fees in basis points"
            + " (\"8\" = 0.08 %).",
        Schemas.object(),
        WireJson.schema(AccountSettings.class),
        ToolDef.Kind.READ, false,
        args -> {
          AccountSettings s = session.client().account().getSettings();
          return new ToolDef.Result(WireJson.object(s), "autoLend " + s.autoLend() + ", leverageLimit " + Text.plain(s.leverageLimit())
              + ", spot fees maker/taker " + Text.plain(s.spotMakerFee()) + "/" + Text.plain(s.spotTakerFee()) + " bps, futures "
              + Text.plain(s.futuresMakerFee()) + "/" + Text.plain(s.futuresTakerFee()) + " bps.");
        });
  }

  private static ToolDef updateAccountSettings(TradingSession session) {
    return new ToolDef("update_account_settings", "Update account settings",
        "Changes account settings; only the given ones change. leverageLimit is a decimal string such as \"5\".",
        Schemas.object()
            .optional("autoLend", Schemas.bool("Lend idle funds automatically"))
            .optional("autoBorrowSettlements", Schemas.bool("Borrow automatically to settle"))
            .optional("autoRepayBorrows", Schemas.bool("Repay borrows automatically"))
            .optional("leverageLimit", Schemas.decimal("Maximum leverage, e.g. \"5\"")),
        Schemas.object()
            .required("success", Schemas.bool("true"))
            .required("settings", WireJson.schema(AccountSettings.class))
            .optional("mode", Schemas.string("paper or live"))
            .open().build(),
        ToolDef.Kind.SETTING, false,
        args -> {
          AccountSettingsUpdate.Builder update = AccountSettingsUpdate.builder();
          boolean any = false;
          any |= ToolArgs.setIfGiven(args.optionalBoolean("autoLend"), update::autoLend);
          any |= ToolArgs.setIfGiven(args.optionalBoolean("autoBorrowSettlements"), update::autoBorrowSettlements);
          any |= ToolArgs.setIfGiven(args.optionalBoolean("autoRepayBorrows"), update::autoRepayBorrows);
          any |= ToolArgs.setIfGiven(args.optionalDecimal("leverageLimit"), update::leverageLimit);
          if (!any) {
            throw new ToolInputException("give at least one setting to change: autoLend, autoBorrowSettlements, autoRepayBorrows or leverageLimit");
          }
          session.client().account().updateSettings(update.build());
          AccountSettings now = session.client().account().getSettings();
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("success", true);
          out.put("settings", WireJson.object(now));
          return new ToolDef.Result(out, "Settings updated.");
        });
  }
}
