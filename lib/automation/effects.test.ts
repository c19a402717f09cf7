import { clickNoteBody } from "@/lib/automation/click-notes";
import { effectSwitchesOf, type NoteEvent } from "@/lib/automation/effects";
import { sessionStarts } from "@/lib/automation/enqueue-click-effects";

describe("effect switches", () => {
  it("take the link's choice, else the workspace's default, else on", () => {
    expect(effectSwitchesOf({}, undefined)).toEqual({ tagOnClick: true, syncContact: true, addNote: true });
    expect(effectSwitchesOf({ addNote: true }, { addNote: false, syncContact: false })).toEqual({ tagOnClick: true, syncContact: false, addNote: true });
    expect(effectSwitchesOf({ tagOnClick: false }, { tagOnClick: true })).toMatchObject({ tagOnClick: false });
  });
});

describe("the timeline note", () => {
  it("says what was clicked, where it led, from where and on what", () => {
    expect(
      clickNoteBody({ title: "Spring sale", shortUrl: "https://sl.example/spring", destination: "https://example.com/spring", city: "Austin", country: "US", deviceType: "mobile", os: "iOS", browser: "Mobile Safari" }),
    ).toBe("Clicked Spring sale (https://sl.example/spring) → https://example.com/spring, Austin, United States, mobile (iOS, Mobile Safari)");
    expect(clickNoteBody({ title: "x", shortUrl: "u", destination: "d", city: null, country: null, deviceType: "desktop", os: null, browser: null })).toBe(
      "Clicked x (u) → d, unknown location, desktop",
    );
    expect(clickNoteBody({ title: "x", shortUrl: "u", destination: "d", city: null, country: "GB", deviceType: null, os: "Linux", browser: null })).toBe(
      "Clicked x (u) → d, United Kingdom, unknown device (Linux)",
    );
  });
});

describe("session starts within a batch", () => {
  const event = (rootLinkId: string, minutes: number): NoteEvent => ({
    at: minutes * 60_000,
    linkId: rootLinkId,
    rootLinkId,
    destination: null,
    city: null,
    country: null,
    deviceType: "mobile",
    os: null,
    browser: null,
  });

  it("keeps per link the first click and each one 60 minutes or more after the last kept", () => {
    const kept = sessionStarts([event("a", 30), event("a", 0), event("b", 10), event("a", 59), event("a", 60), event("a", 100), event("a", 121)]);
    expect(kept.map((e) => [e.rootLinkId, e.at / 60_000])).toEqual([
      ["a", 0],
      ["b", 10],
      ["a", 60],
      ["a", 121],
    ]);
  });
});
