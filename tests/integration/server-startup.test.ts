/**
 * Start-up with bad configuration: the real server.ts stops with one clear message naming the
 * problem, never a stack trace.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

function startServer(extraEnv: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(process.cwd(), "node_modules/.bin/tsx"), ["server.ts"], {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        PORT: "3987",
        DATA_DIR: mkdtempSync(path.join(tmpdir(), "sl-startup-")),
        ...extraEnv,
      },
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const stackLine = /^\s+at .+:\d+:\d+\)?$/m;

describe("server start-up with bad configuration", () => {
  it("names a malformed DATABASE_URL", async () => {
    const { code, output } = await startServer({ DATABASE_URL: "mysql://root@localhost/db" });
    expect(code).toBe(1);
    expect(output).toContain("Smart Links cannot start.");
    expect(output).toContain("DATABASE_URL: must be a PostgreSQL URL");
    expect(output).not.toMatch(stackLine);
  });

  it("says which database it cannot reach", async () => {
    const { code, output } = await startServer({ DATABASE_URL: "postgres://postgres:s3cret@127.0.0.1:9/smart_links" });
    expect(code).toBe(1);
    expect(output).toContain("Cannot reach PostgreSQL at 127.0.0.1:9/smart_links");
    expect(output).toContain("ECONNREFUSED");
    expect(output).not.toContain("s3cret");
    expect(output).not.toMatch(stackLine);
  });

  it("names every missing secret in production mode", async () => {
    const { code, output } = await startServer({ CRM_CLIENT_ID: "client-1" });
    expect(code).toBe(1);
    expect(output).toContain("CRM_CLIENT_SECRET: is required when CRM_MODE=highlevel");
    expect(output).toContain("SESSION_SECRET");
    expect(output).not.toMatch(stackLine);
  });
});
