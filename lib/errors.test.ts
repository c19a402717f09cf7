import { z } from "zod";
import { DatabaseUnavailableError } from "@/db/errors";
import { AppError, ERROR_STATUS, toErrorPayload } from "@/lib/errors";
import { handle, readJson } from "@/lib/http/handle";
import { runAction } from "@/lib/http/run-action";

const silence = () => jest.spyOn(process.stderr, "write").mockImplementation(() => true);

describe("toErrorPayload", () => {
  it("maps an AppError to its status and public body", () => {
    expect(toErrorPayload(new AppError("slug_taken", "That slug is taken"))).toEqual({
      status: 409,
      body: { error: { code: "slug_taken", message: "That slug is taken" } },
    });
  });

  it("maps a ZodError to 422 invalid_input with field errors", () => {
    const result = z.object({ url: z.url(), utm: z.object({ source: z.string().max(3) }) }).safeParse({
      url: "nope",
      utm: { source: "toolong" },
    });
    if (result.success) throw new Error("expected a failure");
    const { status, body } = toErrorPayload(result.error);
    expect(status).toBe(422);
    expect(body.error.code).toBe("invalid_input");
    expect(Object.keys((body.error.details as { fieldErrors: Record<string, string[]> }).fieldErrors).sort()).toEqual([
      "url",
      "utm.source",
    ]);
  });

  it("hides unexpected errors behind a generic 500 and logs them", () => {
    const spy = silence();
    const { status, body } = toErrorPayload(new Error("password=hunter2 at /srv/secret.ts:12"));
    expect(status).toBe(500);
    expect(body.error.code).toBe("internal");
    expect(JSON.stringify(body)).not.toContain("hunter2");
    expect(spy).toHaveBeenCalledWith(expect.stringContaining("hunter2"));
    spy.mockRestore();
  });

  it("answers 503 when the database is unreachable", () => {
    const spy = silence();
    expect(toErrorPayload(new DatabaseUnavailableError("Cannot reach PostgreSQL")).status).toBe(503);
    spy.mockRestore();
  });

  it("has a status for every code", () => {
    for (const status of Object.values(ERROR_STATUS)) expect(status).toBeGreaterThanOrEqual(400);
  });
});

describe("handle() and readJson()", () => {
  const schema = z.object({ name: z.string().min(1) });
  const route = handle(async (req: Request) => Response.json(await readJson(req, schema, 100), { status: 201 }));
  const post = (body: string) =>
    route(new Request("http://test/api/x", { method: "POST", body, headers: { "content-type": "application/json" } }), {});

  it("passes a valid body through", async () => {
    const res = await post('{"name":"a"}');
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: "a" });
  });

  it("answers 400 invalid_json for a body that is not JSON", async () => {
    const res = await post("{nope");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "invalid_json", message: "The request body is not valid JSON" } });
  });

  it("answers 413 payload_too_large past the limit", async () => {
    const res = await post(JSON.stringify({ name: "x".repeat(200) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  it("answers 422 invalid_input with field errors", async () => {
    const res = await post('{"name":""}');
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { fieldErrors: Record<string, string[]> } } };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.details.fieldErrors.name).toHaveLength(1);
  });

  it("answers 500 with a generic message, never the stack", async () => {
    const spy = silence();
    const boom = handle(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'secret')");
    });
    const res = await boom(new Request("http://test/api/boom"), {});
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret");
    expect(text).not.toContain("at ");
    spy.mockRestore();
  });
});

describe("runAction()", () => {
  it("returns data on success and a typed failure with field errors otherwise", async () => {
    expect(await runAction(async () => 42)).toEqual({ ok: true, data: 42 });
    const failed = await runAction(async () => z.object({ url: z.url() }).parse({ url: "x" }));
    expect(failed).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { url: [expect.any(String)] } });
    expect(await runAction(async () => Promise.reject(new AppError("not_found", "Link not found")))).toEqual({
      ok: false,
      code: "not_found",
      message: "Link not found",
    });
  });
});
