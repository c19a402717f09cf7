/**
 * The app inside the sandbox CRM, as inside HighLevel: the shell on one site (127.0.0.1), the app
 * in its iframe on another (localhost), third-party cookies blocked. No login screen, ever.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, expect, test, type BrowserContext } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3199);
const SHELL = `http://127.0.0.1:${PORT}`;
const APP = `http://localhost:${PORT}`;

let context: BrowserContext;

test.beforeAll(async () => {
  // A profile whose settings block third-party cookies, as Safari and many Chrome users do.
  const profile = mkdtempSync(path.join(tmpdir(), "sl-e2e-profile-"));
  mkdirSync(path.join(profile, "Default"), { recursive: true });
  writeFileSync(
    path.join(profile, "Default", "Preferences"),
    JSON.stringify({ profile: { block_third_party_cookies: true, cookie_controls_mode: 1 } }),
  );
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    viewport: { width: 1440, height: 900 },
  });
});

test.afterAll(async () => {
  await context.close();
});

test.beforeEach(async ({ request }) => {
  const res = await request.post(`${SHELL}/sandbox/api/reset`);
  expect(res.status()).toBe(200);
});

test("the iframe signs in with no login, per location, with third-party cookies blocked", async () => {
  const page = await context.newPage();
  await page.goto(`${SHELL}/sandbox`);
  const frame = page.frameLocator('[data-testid="sandbox-app-frame"]');
  await expect(frame.getByTestId("workspace-name")).toHaveText("Sunrise Dental", { timeout: 15_000 });
  await expect(frame.getByTestId("plan-badge")).toHaveText("Pro");

  // The browser really blocks unpartitioned third-party cookies in the iframe.
  const appFrame = page.frames().find((f) => f.url().startsWith(APP));
  expect(appFrame).toBeDefined();
  const probe = await appFrame?.evaluate(() => {
    document.cookie = "probe=1; SameSite=None; Secure; Path=/";
    return document.cookie.includes("probe=1");
  });
  expect(probe).toBe(false);

  await page.getByTestId("sandbox-location-switcher").selectOption({ label: "Harbor Fitness" });
  await expect(frame.getByTestId("workspace-name")).toHaveText("Harbor Fitness", { timeout: 15_000 });
  await expect(frame.getByTestId("plan-badge")).toHaveText("Starter");
  await page.close();
});

test("opened outside a CRM, the app says how to open it", async () => {
  const page = await context.newPage();
  await page.goto(`${APP}/app`);
  await expect(page.getByRole("heading", { name: "Open Smart Links from your CRM" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the sandbox CRM" })).toHaveAttribute("href", `${SHELL}/sandbox`);
  await page.close();
});

test("a plan change confirmed by the CRM shows in the app without a reinstall", async ({ request }) => {
  const state = (await (await request.get(`${SHELL}/sandbox/api/state`)).json()) as { locations: { id: string; name: string }[] };
  const harbor = state.locations.find((l) => l.name === "Harbor Fitness");
  expect(harbor).toBeDefined();
  const page = await context.newPage();
  await page.goto(`${SHELL}/sandbox`);
  await page.getByTestId("sandbox-location-switcher").selectOption({ label: "Harbor Fitness" });
  const frame = page.frameLocator('[data-testid="sandbox-app-frame"]');
  await expect(frame.getByTestId("plan-badge")).toHaveText("Starter", { timeout: 15_000 });
  expect((await request.post(`${SHELL}/sandbox/api/plan`, { data: { locationId: harbor?.id, plan: "pro" } })).status()).toBe(200);
  await page.reload();
  await page.getByTestId("sandbox-location-switcher").selectOption({ label: "Harbor Fitness" });
  await expect(frame.getByTestId("plan-badge")).toHaveText("Pro", { timeout: 15_000 });
  await page.close();
});
