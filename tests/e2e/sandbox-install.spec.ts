/**
 * Uninstall and reinstall from the sandbox CRM's marketplace, as an agency admin would: the
 * location's short links answer 410 and its API refuses while uninstalled; a reinstall within
 * the grace period brings everything back as it was.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3199);
const SHELL = `http://127.0.0.1:${PORT}`;
const APP = `http://localhost:${PORT}`;

// A person's browser: the request fixture's own agent looks like a bot, which gets the preview card.
const BROWSER = { "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" };

type State = { locations: { id: string; name: string; installed: boolean; users: { id: string; role: string }[] }[] };

async function signIn(request: APIRequestContext, locationName: string): Promise<{ token: string; locationId: string }> {
  const state = (await (await request.get(`${SHELL}/sandbox/api/state`)).json()) as State;
  const location = state.locations.find((l) => l.name === locationName);
  const user = location?.users.find((u) => u.role === "admin");
  if (!location || !user) throw new Error(`no ${locationName} admin in the sandbox state`);
  const { payload } = (await (await request.get(`${SHELL}/sandbox/api/sso-payload?locationId=${location.id}&userId=${user.id}`)).json()) as { payload: string };
  const res = await request.post(`${APP}/api/auth/sso`, { data: { payload } });
  expect(res.status()).toBe(200);
  return { token: ((await res.json()) as { token: string }).token, locationId: location.id };
}

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${SHELL}/sandbox/api/reset`)).status()).toBe(200);
});

test("uninstall from the marketplace turns the location's links to 410; reinstall restores them", async ({ page, request }) => {
  const { token, locationId } = await signIn(request, "Sunrise Dental");
  const created = await request.post(`${APP}/api/v1/links`, {
    headers: { authorization: `Bearer ${token}` },
    data: { url: "https://example.com/spring-offer", slug: `spring-${Date.now().toString(36)}`, title: "Spring offer" },
  });
  expect(created.status()).toBe(201);
  const link = (await created.json()) as { id: string; shortUrl: string };
  const live = await request.get(link.shortUrl, { maxRedirects: 0, headers: BROWSER });
  expect(live.status()).toBe(302);
  expect(live.headers()["location"]).toBe("https://example.com/spring-offer");

  await page.goto(`${SHELL}/sandbox/marketplace?location=${locationId}`);
  const row = page.getByTestId(`sandbox-install-row-${locationId}`);
  await expect(row.getByTestId("sandbox-install-state")).toHaveText("Installed");
  await row.getByTestId("sandbox-uninstall").click();
  await page.getByTestId("sandbox-uninstall-dialog-confirm").click();
  await expect(row.getByTestId("sandbox-install-state")).toHaveText("Not installed");

  const gone = await request.get(link.shortUrl, { maxRedirects: 0, headers: BROWSER });
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toContain("This link is no longer available");
  const refused = await request.get(`${APP}/api/v1/links/${link.id}`, { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("app_not_installed");

  // The app page in the CRM says it is not installed there.
  await page.goto(`${SHELL}/sandbox?location=${locationId}`);
  await expect(page.getByTestId("sandbox-app-not-installed")).toBeVisible();

  await page.goto(`${SHELL}/sandbox/marketplace?location=${locationId}`);
  await row.getByTestId("sandbox-install").click();
  await expect(row.getByTestId("sandbox-install-state")).toHaveText("Installed");
  const back = await request.get(link.shortUrl, { maxRedirects: 0, headers: BROWSER });
  expect(back.status()).toBe(302);
  expect(back.headers()["location"]).toBe("https://example.com/spring-offer");

  // Signed in again through the iframe: the same workspace with its links. The uninstall ended the
  // CRM subscription, so the plan is the one the reinstall chose (the marketplace's default, Starter).
  await page.goto(`${SHELL}/sandbox?location=${locationId}`);
  const frame = page.frameLocator('[data-testid="sandbox-app-frame"]');
  await expect(frame.getByTestId("workspace-name")).toHaveText("Sunrise Dental", { timeout: 15_000 });
  await expect(frame.getByTestId("plan-badge")).toHaveText("Starter");
  await frame.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Links" }).click();
  await expect(frame.getByText("Spring offer")).toBeVisible();
});
