import { defineConfig } from "drizzle-kit";

// Generation only needs the schema; `casing` must match db/client.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
  strict: true,
  verbose: true,
});
