import AxeBuilder from "@axe-core/playwright";
import { Page } from "playwright-core";

/**
 * Until every finite animation on the page has ended. Fluent's accordion panels, message bars
 * and dialogs fade and slide in (200 ms); measured mid-way, text is half faded (axe's
 * color-contrast), a panel clips what it will show (scrollable-region-focusable) and a sliding
 * bar sticks out sideways. A spinner's endless turning is no reason to wait.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity)
  );
}

/**
 * The serious and critical axe violations of the settled page (or of `include`'s part of it),
 * one line each, named by `state`. Fluent's focus manager (tabster) puts focusable aria-hidden
 * `<i data-tabster-dummy>` bumpers around focus groups that only pass focus on; Microsoft's own
 * Accessibility Insights suppresses exactly these for aria-hidden-focus
 * (microsoft/accessibility-insights-web#7605), and so does this. Every other node counts.
 */
export async function seriousViolations(
  page: Page,
  state: string,
  include?: string
): Promise<string[]> {
  await settled(page);
  const axe = new AxeBuilder({ page });
  const result = await (include ? axe.include(include) : axe).analyze();
  return result.violations
    .map((v) => ({
      ...v,
      nodes:
        v.id === "aria-hidden-focus"
          ? v.nodes.filter((n) => !n.html.includes("data-tabster-dummy"))
          : v.nodes,
    }))
    .filter((v) => v.nodes.length > 0 && (v.impact === "serious" || v.impact === "critical"))
    .map(
      (v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
    );
}
