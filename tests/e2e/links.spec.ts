/**
 * Links, as a user meets them: inside the sandbox CRM's iframe, create a link through the form,
 * find it in the list, follow its short URL, edit it, archive it.
 */
import { expect, test, type APIRequestContext, type FrameLocator, type Page } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3199);
const SHELL = `http://127.0.0.1:${PORT}`;
const APP = `http://localhost:${PORT}`;
// A person's browser: link-preview bots get a 200 preview card instead of the redirect.
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

async function openLinks(page: Page): Promise<FrameLocator> {
  await page.goto(`${SHELL}/sandbox`);
  const frame = page.frameLocator('[data-testid="sandbox-app-frame"]');
  await expect(frame.getByTestId("workspace-name")).toHaveText("Sunrise Dental", { timeout: 15_000 });
  await frame.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Links" }).click();
  await expect(frame.getByRole("heading", { level: 1, name: "Links" })).toBeVisible();
  return frame;
}

async function visit(request: APIRequestContext, slug: string) {
  return request.get(`${APP}/${slug}`, { maxRedirects: 0, headers: { "user-agent": BROWSER_UA } });
}

test.beforeEach(async ({ request }) => {
  const res = await request.post(`${SHELL}/sandbox/api/reset`);
  expect(res.status()).toBe(200);
});

test("create a link in the form, follow it, edit it, archive it", async ({ page, request }) => {
  const slug = `e2e-${Date.now().toString(36)}`;
  const frame = await openLinks(page);

  // Create through the form.
  await frame.getByTestId("create-link").first().click();
  await expect(frame.getByRole("heading", { level: 1, name: "Create link" })).toBeVisible();
  await frame.getByTestId("field-url").fill("https://example.com/spring?ref=e2e");
  await frame.getByTestId("field-slug").fill(slug);
  await frame.getByTestId("field-title").fill("Spring sale");
  await frame.getByLabel("Source").fill("sms");
  await expect(frame.getByTestId("final-destination")).toHaveText("https://example.com/spring?ref=e2e&utm_source=sms");
  await expect(frame.getByTestId("short-preview")).toContainText(`/${slug}`);
  await frame.getByTestId("save-link").click();

  // Back on the list, with a toast and the new row.
  await expect(frame.getByRole("heading", { level: 1, name: "Links" })).toBeVisible();
  await expect(frame.getByTestId("toast").filter({ hasText: "Link created" })).toBeVisible();
  const row = frame.getByTestId("link-row").filter({ hasText: `/${slug}` });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Spring sale");
  await expect(row.getByTestId("link-status")).toHaveText("Active");

  // The short URL redirects to the destination with the UTM fields merged in.
  const first = await visit(request, slug);
  expect(first.status()).toBe(302);
  expect(first.headers()["location"]).toBe("https://example.com/spring?ref=e2e&utm_source=sms");

  // Edit: a new destination and title; the short URL stays the same.
  await row.getByTestId("link-short-url").click();
  await expect(frame.getByTestId("edit-short-url")).toHaveText(new RegExp(`/${slug}$`));
  await frame.getByTestId("field-url").fill("https://example.com/summer");
  await frame.getByTestId("field-title").fill("Summer sale");
  await frame.getByLabel("Source").fill("");
  await expect(frame.getByTestId("slug-warning")).toHaveCount(0);
  await frame.getByTestId("save-link").click();
  await expect(frame.getByTestId("toast").filter({ hasText: "Changes saved" })).toBeVisible();
  const edited = frame.getByTestId("link-row").filter({ hasText: `/${slug}` });
  await expect(edited).toContainText("Summer sale");
  await expect
    .poll(async () => (await visit(request, slug)).headers()["location"], { timeout: 10_000 })
    .toBe("https://example.com/summer");

  // Archive from the row menu: the short URL answers 410.
  await edited.getByTestId("link-menu").click();
  await frame.getByRole("menuitem", { name: "Archive" }).click();
  await expect(frame.getByTestId("toast").filter({ hasText: "Link archived" })).toBeVisible();
  await expect(edited.getByTestId("link-status")).toHaveText("Archived");
  await expect.poll(async () => (await visit(request, slug)).status(), { timeout: 10_000 }).toBe(410);
});

test("the form refuses a bad destination and a reserved slug inline, keeping what was typed", async ({ page }) => {
  const frame = await openLinks(page);
  await frame.getByTestId("create-link").first().click();
  await frame.getByTestId("field-url").fill("javascript:alert(1)");
  await frame.getByTestId("field-slug").fill("api");
  await expect(frame.getByText('"api" is reserved by the app; choose another slug').first()).toBeVisible();
  await frame.getByTestId("save-link").click();
  const summary = frame.getByTestId("form-summary");
  await expect(summary).toContainText("Some fields need your attention");
  await expect(summary).toContainText("Only http:// and https:// URLs are accepted");
  await expect(frame.getByTestId("field-url")).toHaveValue("javascript:alert(1)");
  await expect(frame.getByTestId("field-url")).toHaveAttribute("aria-invalid", "true");
});

test("Starter shows upgrade prompts instead of Pro-only inputs", async ({ page }) => {
  await page.goto(`${SHELL}/sandbox`);
  await page.getByTestId("sandbox-location-switcher").selectOption({ label: "Harbor Fitness" });
  const frame = page.frameLocator('[data-testid="sandbox-app-frame"]');
  await expect(frame.getByTestId("plan-badge")).toHaveText("Starter", { timeout: 15_000 });
  await frame.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Links" }).click();
  await frame.getByTestId("create-link").first().click();
  await expect(frame.getByTestId("upgrade-rules")).toContainText("Available on Pro — upgrade in your CRM's billing");
  await expect(frame.getByTestId("upgrade-password")).toBeVisible();
  await expect(frame.locator("#add-country-rule")).toHaveCount(0);
});
