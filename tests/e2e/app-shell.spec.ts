/**
 * The embedded app shell, opened the way users open it: inside the sandbox CRM's iframe
 * (shell on 127.0.0.1, app on localhost — two sites), signed in by the SSO handshake.
 */
import { expect, test, type Page } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3199);
const SHELL = `http://127.0.0.1:${PORT}`;
const APP = `http://localhost:${PORT}`;

async function openApp(page: Page) {
  await page.goto(`${SHELL}/sandbox`);
  const frame = page.frameLocator('[data-testid="sandbox-app-frame"]');
  await expect(frame.getByTestId("workspace-name")).not.toBeEmpty({ timeout: 15_000 });
  return frame;
}

function appFrameUrl(page: Page): string {
  return page.frames().find((f) => f.url().startsWith(APP))?.url() ?? "";
}

test.describe("the embedded app shell", () => {
  test("is framed by the CRM: CSP frame-ancestors, never X-Frame-Options", async ({ request }) => {
    const res = await request.get(`${APP}/app`);
    expect(res.status()).toBe(200);
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors");
    expect(csp).toContain(SHELL);
    expect(csp).toContain("https://*.leadconnectorhq.com");
    expect(res.headers()["x-frame-options"]).toBeUndefined();
  });

  test("shows the workspace, its plan and every section, each with a real page", async ({ page }) => {
    const frame = await openApp(page);
    const header = frame.getByRole("banner");
    await expect(header.getByTestId("workspace-name")).toHaveText("Sunrise Dental");
    await expect(header.getByTestId("plan-badge")).toHaveText("Pro");

    const nav = frame.getByRole("navigation", { name: "Main" });
    const sections = [
      ["Links", "/app/links"],
      ["Campaigns", "/app/campaigns"],
      ["Landing pages", "/app/landing-pages"],
      ["QR Studio", "/app/qr"],
      ["Settings", "/app/settings"],
      ["Dashboard", "/app"],
    ] as const;
    for (const [label, href] of sections) {
      await nav.getByRole("link", { name: label }).click();
      await expect(nav.getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
      await expect(frame.getByRole("heading", { level: 1 })).toBeVisible();
      expect(new URL(appFrameUrl(page)).pathname).toBe(href);
    }
  });

  test("renders in dark mode when the browser prefers it", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    const frame = await openApp(page);
    const background = await frame.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
    // A dark surface: every channel well below mid-grey.
    const channels = (background.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    expect(channels).toHaveLength(3);
    for (const c of channels) expect(c).toBeLessThan(80);
  });

  test("health says the embedded database is up with migrations applied", async ({ request }) => {
    const res = await request.get(`${APP}/api/health`);
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", db: { driver: "pglite", ok: true } });
  });
});
