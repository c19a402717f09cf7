import { expect, test } from "@playwright/test";

test.describe("the embedded app shell", () => {
  test("shows the workspace, its plan and every section, each with a real page", async ({ page }) => {
    const response = await page.goto("/app");
    expect(response?.status()).toBe(200);
    // Framed by the CRM: CSP frame-ancestors, never X-Frame-Options.
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors");
    expect(response?.headers()["x-frame-options"]).toBeUndefined();

    const header = page.getByRole("banner");
    await expect(header.getByTestId("workspace-name")).not.toBeEmpty();
    await expect(header.getByTestId("plan-badge")).toHaveText(/^(Starter|Pro)$/);

    const nav = page.getByRole("navigation", { name: "Main" });
    const sections = [
      ["Dashboard", "/app"],
      ["Links", "/app/links"],
      ["Campaigns", "/app/campaigns"],
      ["Landing pages", "/app/landing-pages"],
      ["QR Studio", "/app/qr"],
      ["Settings", "/app/settings"],
    ] as const;
    for (const [label, href] of sections) {
      await nav.getByRole("link", { name: label }).click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(nav.getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
    }
  });

  test("renders in dark mode when the browser prefers it", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/app/links");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // A dark surface: every channel well below mid-grey.
    const channels = (background.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    expect(channels).toHaveLength(3);
    for (const c of channels) expect(c).toBeLessThan(80);
  });

  test("health says the embedded database is up with migrations applied", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", db: { driver: "pglite", ok: true } });
  });
});
