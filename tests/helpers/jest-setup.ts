/**
 * Runs before every test file. Each file gets its own data directory (secrets) and, unless a
 * test picks another, an in-memory PGlite, so no test ever touches a developer's `.data/`.
 * With DATABASE_URL set (CI's second pass), tests that use `useTestDatabase()` create their
 * own database on that server instead.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

(process.env as Record<string, string>).NODE_ENV = "test";
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "smart-links-test-"));
process.env.PGLITE_DIR = "memory://";
process.env.TEST_SERVER_DATABASE_URL ??= process.env.DATABASE_URL ?? "";
delete process.env.DATABASE_URL;
delete process.env.CRM_CLIENT_ID;
delete process.env.CRM_MODE;
