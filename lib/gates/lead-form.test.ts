import { isLeadFieldRequired, leadFieldsOf, parseLeadForm } from "@/lib/gates/lead-form";

describe("lead form", () => {
  it("shows the link's fields in display order, or name and email by default", () => {
    expect(leadFieldsOf({ enabled: true, fields: ["message", "email", "email", "name"] })).toEqual(["name", "email", "message"]);
    expect(leadFieldsOf({ enabled: true })).toEqual(["name", "email"]);
    expect(leadFieldsOf(null)).toEqual(["name", "email"]);
  });

  it("requires contact details, not extras, unless the form has only extras", () => {
    expect(isLeadFieldRequired("phone", ["phone", "company"])).toBe(true);
    expect(isLeadFieldRequired("company", ["phone", "company"])).toBe(false);
    expect(isLeadFieldRequired("company", ["company", "message"])).toBe(true);
    expect(isLeadFieldRequired("message", ["company", "message"])).toBe(false);
  });

  it("accepts a valid submission, trimmed", () => {
    const form = new URLSearchParams({ name: "  Ada ", email: "ada@example.com ", phone: "+44 20 7946 0958", company: "" });
    expect(parseLeadForm(form, ["name", "email", "phone", "company"])).toEqual({
      ok: true,
      values: { name: "Ada", email: "ada@example.com", phone: "+44 20 7946 0958", company: "" },
    });
  });

  it("names each invalid field and keeps what was typed", () => {
    const form = new URLSearchParams({ name: "", email: "ada@", phone: "call me", message: "x".repeat(2001) });
    const result = parseLeadForm(form, ["name", "email", "phone", "message"]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["email", "message", "name", "phone"]);
    expect(result.errors.email).toMatch(/valid email/);
    expect(result.values.email).toBe("ada@");
  });
});
