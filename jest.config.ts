/** @jest-config-loader esbuild-register */
import type { Config } from "jest";

// One config: @swc/jest compiles TypeScript and the ESM-only packages (jose, msw, PGlite), so
// they run for real in tests instead of being mocked away.
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
] as const;

const config: Config = {
  testEnvironment: "node",
  roots: ["<rootDir>"],
  testMatch: ["<rootDir>/{app,lib,db}/**/*.test.{ts,tsx}", "<rootDir>/tests/integration/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/.next/", "/tests/e2e/", "/dist/"],
  modulePathIgnorePatterns: ["<rootDir>/.next/", "<rootDir>/dist/", "<rootDir>/.data/"],
  transform: { "^.+\\.(t|j|mj|cj)sx?$": swc as unknown as [string, Record<string, unknown>] },
  transformIgnorePatterns: [],
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    "^server-only$": "<rootDir>/tests/helpers/empty-module.ts",
  },
  setupFiles: ["<rootDir>/tests/helpers/jest-setup.ts"],
  testTimeout: 30_000,
};

export default config;
