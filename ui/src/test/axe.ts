// Accessibility scan with axe-core inside jsdom. jsdom does no layout or painting, so the
// rules that need them (colour contrast) are left to the browser tests.
import axe from "axe-core";

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Serious and critical violations in the document, as short records a test can print. */
export async function seriousViolations(root: Element = document.body): Promise<Violation[]> {
  const result = await axe.run(root, {
    rules: { "color-contrast": { enabled: false } },
    resultTypes: ["violations"],
  });
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}
