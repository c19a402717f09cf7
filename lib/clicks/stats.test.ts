import { periodsOf } from "@/lib/clicks/stats";

describe("periodsOf", () => {
  it("reads days only when no whole month fits", () => {
    expect(periodsOf({ from: "2026-11-17", to: "2026-11-23" })).toEqual([{ monthly: false, from: "2026-11-17", to: "2026-11-23" }]);
    expect(periodsOf({ from: "2026-10-25", to: "2026-11-23" })).toEqual([{ monthly: false, from: "2026-10-25", to: "2026-11-23" }]);
  });

  it("reads whole months as monthly rows and the edges as days", () => {
    expect(periodsOf({ from: "2025-11-24", to: "2026-11-23" })).toEqual([
      { monthly: false, from: "2025-11-24", to: "2025-11-30" },
      { monthly: true, from: "2025-12-01", to: "2026-10-01" },
      { monthly: false, from: "2026-11-01", to: "2026-11-23" },
    ]);
    expect(periodsOf({ from: "2026-08-25", to: "2026-11-22" })).toEqual([
      { monthly: false, from: "2026-08-25", to: "2026-08-31" },
      { monthly: true, from: "2026-09-01", to: "2026-10-01" },
      { monthly: false, from: "2026-11-01", to: "2026-11-22" },
    ]);
  });

  it("uses a month that starts on the first day and ends on the last day of the range", () => {
    expect(periodsOf({ from: "2026-10-01", to: "2026-10-31" })).toEqual([{ monthly: true, from: "2026-10-01", to: "2026-10-01" }]);
    expect(periodsOf({ from: "2026-02-01", to: "2026-03-15" })).toEqual([
      { monthly: true, from: "2026-02-01", to: "2026-02-01" },
      { monthly: false, from: "2026-03-01", to: "2026-03-15" },
    ]);
    expect(periodsOf({ from: "2026-01-15", to: "2026-02-28" })).toEqual([
      { monthly: false, from: "2026-01-15", to: "2026-01-31" },
      { monthly: true, from: "2026-02-01", to: "2026-02-01" },
    ]);
  });
});
