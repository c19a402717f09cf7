/**
 * Analytics as a user watches them, inside the sandbox CRM's iframe: the dashboard's clicks card
 * goes up on its own (no reload) when someone opens a short link, bots are left out and said so,
 * and the link's own analytics — reached from the chart icon in the Links list — count it too.
 */
import { expect, test, type APIRequestContext, type Frame, type FrameLocator, type Page } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3199);
const SHELL = `http://127.0.0.1:${PORT}`;
const APP = `http://localhost:${PORT}`;
// A person's browser: link-preview bots get a 200 preview card and are never counted.
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const WHATSAPP_PREVIEW_UA = "WhatsApp/2.23.20.0";
/** The UI polls every few seconds; a click must show within 5 s, so 10 s leaves room for a slow CI. */
const LIVE_TIMEOUT = 10_000;

async function openApp(page: Page): Promise<{ frame: FrameLocator; handle: Frame }> {
  await page.goto(`${SHELL}/sandbox`);
  const frame = page.frameLocator('[data-testid="sandbox-app-frame"]');
  await expect(frame.getByTestId("workspace-name")).toHaveText("Sunrise Dental", { timeout: 15_000 });
  const handle = await (await page.waitForSelector('[data-testid="sandbox-app-frame"]')).contentFrame();
  if (!handle) throw new Error("no app frame");
  return { frame, handle };
}

function countOf(text: string | null): number {
  return Number((text ?? "").replace(/[^\d]/g, ""));
}

async function visit(request: APIRequestContext, slug: string, headers: Record<string, string> = {}) {
  return request.get(`${APP}/${slug}`, { maxRedirects: 0, headers: { "user-agent": BROWSER_UA, ...headers } });
}

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${SHELL}/sandbox/api/reset`)).status()).toBe(200);
});

test("a click shows up live on the dashboard and on the link's own analytics", async ({ page, request }) => {
  const slug = `e2e-an-${Date.now().toString(36)}`;
  const { frame, handle } = await openApp(page);

  // Create the link from inside the app (the embedded session), as the links screens do.
  const created = await handle.evaluate(async (s) => {
    const res = await fetch("/api/v1/links", {
      method: "POST",
      credentials: "include",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: "https://example.com/analytics-e2e", slug: s, title: "Analytics e2e" }),
    });
    return res.status;
  }, slug);
  expect(created).toBe(201);

  // The dashboard (the app's home) shows the window's clicks; remember the figure.
  await frame.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(frame.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const clicks = frame.getByTestId("stat-clicks");
  await expect(clicks).toBeVisible({ timeout: 15_000 });
  const before = countOf(await clicks.textContent());
  await expect(frame.getByTestId("analytics-live")).toHaveText("Live");
  // Marks this document: if the page reloaded, the mark would be gone.
  await handle.evaluate(() => document.documentElement.setAttribute("data-e2e-mark", "kept"));

  // A link preview is not a click; a person's visit is.
  const preview = await visit(request, slug, { "user-agent": WHATSAPP_PREVIEW_UA });
  expect(preview.status()).toBe(200);
  const click = await visit(request, slug, { referer: "https://l.facebook.com/" });
  expect(click.status()).toBe(302);
  expect(click.headers()["location"]).toBe("https://example.com/analytics-e2e");

  await expect.poll(async () => countOf(await clicks.textContent()), { timeout: LIVE_TIMEOUT }).toBe(before + 1);
  expect(await handle.evaluate(() => document.documentElement.getAttribute("data-e2e-mark"))).toBe("kept");

  // The chart icon on the link's row opens its analytics, which count the click (and not the preview).
  await frame.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Links" }).click();
  const row = frame.getByTestId("link-row").filter({ hasText: `/${slug}` });
  await row.getByTestId("link-analytics").click();
  await expect(frame.getByRole("heading", { level: 1, name: "Analytics e2e" })).toBeVisible();
  await expect(frame.getByTestId("analytics-short-url")).toHaveText(new RegExp(`/${slug}$`));
  expect(new URL(handle.url()).pathname).toMatch(/^\/app\/links\/[^/]+\/analytics$/);
  await expect(frame.getByTestId("stat-clicks")).toHaveText("1", { timeout: 15_000 });
  await expect(frame.getByTestId("bots-filtered")).toContainText("1 bot or link-preview hit was filtered out");
  await expect(frame.getByTestId("top-sources")).toContainText("Facebook");
  await expect(frame.getByTestId("destinations")).toContainText("example.com/analytics-e2e");
  await expect(frame.getByTestId("destinations")).toContainText("Default");

  // Live here too: a second visit, no reload.
  expect((await visit(request, slug)).status()).toBe(302);
  await expect(frame.getByTestId("stat-clicks")).toHaveText("2", { timeout: LIVE_TIMEOUT });
});
