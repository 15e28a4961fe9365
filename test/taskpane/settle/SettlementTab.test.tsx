/** @jest-environment jsdom */
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { plan2024 } from "../../../src/core/plan2024";
import { LangContext } from "../../../src/taskpane/i18n";
import { SettlementTab } from "../../../src/taskpane/settle/SettlementTab";
import "../render";
import { runner } from "./runner";

describe("SettlementTab", () => {
  it("loads the view when first shown, and keeps what was typed while another tab is shown", async () => {
    const { run } = runner();
    const plan = plan2024();
    const tab = (shown: boolean) => (
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value="nl">
          <SettlementTab shown={shown} plan={plan} run={run} />
        </LangContext.Provider>
      </FluentProvider>
    );
    const { rerender } = render(tab(false));
    expect(screen.queryByRole("region", { name: "Afrekening na de jaarrekening" })).toBeNull();

    rerender(tab(true));
    // The view is loaded lazily: give it time under load.
    const actual = await screen.findByRole(
      "textbox",
      { name: /Werkelijke kosten/ },
      { timeout: 15_000 }
    );
    await userEvent.setup().type(actual, "2.250.000");

    rerender(tab(false));
    expect(screen.queryByRole("textbox", { name: /Werkelijke kosten/ })).toBeNull();
    rerender(tab(true));
    expect(screen.getByRole("textbox", { name: /Werkelijke kosten/ })).toHaveValue("2.250.000");
  });
});
