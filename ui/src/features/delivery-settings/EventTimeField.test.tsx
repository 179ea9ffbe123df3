import { render } from "../../test/render";
import { describe, expect, it } from "vitest";

import type { EventTimeCheck } from "../../bindings/EventTimeCheck";
import { initI18n } from "../../i18n";
import { EventTimeField } from "./EventTimeField";

const CHECK: EventTimeCheck = {
  format: "Unix",
  present: 10,
  missing: 0,
  parsed: 9,
  failed: 1,
  failureRate: 0.1,
  examples: [{ value: "yesterday", reason: "'yesterday' is not a whole number of seconds" }],
  instants: [],
  notes: ["Unix event times are unconfirmed: every official sample uses a STRING column with an RFC format."],
};

function renderField() {
  return render(
    <EventTimeField
      value={{ columnName: "created", timeFormat: "Unix" }}
      columns={[]}
      issues={[]}
      check={CHECK}
      onChange={() => undefined}
    />,
  );
}

describe("EventTimeField's sample check", () => {
  it("shows Rust's reasons and notes as they are in English", async () => {
    await initI18n("en");
    const { container } = renderField();
    expect(container.querySelector(".event-examples")).toHaveTextContent("yesterday 'yesterday' is not a whole number of seconds");
    expect(container.querySelector("[lang]")).toBeNull();
  });

  it("labels them as English details, marked lang=en, in Chinese", async () => {
    await initI18n("zh-CN");
    const { container } = renderField();
    const details = container.querySelectorAll('[data-english-detail="detail"]');
    expect(details).toHaveLength(2);
    expect(details[0]).toHaveTextContent("详情（英文）：'yesterday' is not a whole number of seconds");
    expect(details.item(1).querySelector('[lang="en"]')).toHaveTextContent(/^Unix event times are unconfirmed/);
  });
});
