/**
 * The CRM loop as an agency sees it: a per-contact link sent to a contact is clicked, and the
 * contact's page in the (sandbox) CRM shows the link's tags, the Smart Links fields and one
 * timeline note — without the visitor having waited for any of it.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3199);
const SHELL = `http://127.0.0.1:${PORT}`;
const APP = `http://localhost:${PORT}`;
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

type State = { locations: { id: string; name: string; installed: boolean; contactIds: string[] }[] };

async function firstContact(request: APIRequestContext): Promise<{ locationId: string; contactId: string }> {
  const state = (await (await request.get(`${SHELL}/sandbox/api/state`)).json()) as State;
  const sunrise = state.locations.find((l) => l.name === "Sunrise Dental");
  const contactId = sunrise?.contactIds[0];
  if (!sunrise || !contactId) throw new Error("sandbox seed has no Sunrise Dental contact");
  return { locationId: sunrise.id, contactId };
}

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${SHELL}/sandbox/api/reset`)).status()).toBe(200);
});

test("a contact clicks their link: tags, fields and one note appear on the contact in the CRM", async ({ page, request }) => {
  const { contactId } = await firstContact(request);
  const slug = `e2e-crm-${Date.now().toString(36)}`;

  // Create the link from inside the app (the embedded session), with a tag and every CRM switch on.
  await page.goto(`${SHELL}/sandbox`);
  const frameHandle = await page.waitForSelector('[data-testid="sandbox-app-frame"]');
  const frame = await frameHandle.contentFrame();
  if (!frame) throw new Error("no app frame");
  await frame.waitForSelector('[data-testid="workspace-name"]');
  const created = await frame.evaluate(async (s) => {
    const res = await fetch("/api/v1/links", {
      method: "POST",
      credentials: "include",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: "https://example.com/whitening", slug: s, title: "Whitening offer", tags: ["whitening-2026"], crm: { tagOnClick: true, syncContact: true, addNote: true } }),
    });
    return res.status;
  }, slug);
  expect(created).toBe(201);

  // The contact clicks (twice: one note per viewing session).
  for (let i = 0; i < 2; i++) {
    const click = await request.get(`${APP}/${slug}?c=${contactId}`, { maxRedirects: 0, headers: { "user-agent": BROWSER_UA } });
    expect(click.status()).toBe(302);
    expect(click.headers()["location"]).toBe("https://example.com/whitening");
  }

  // The effects arrive in the background; the contact page in the CRM shows them.
  await expect
    .poll(async () => {
      const contact = (await (await request.get(`${SHELL}/sandbox/api/contacts/${contactId}`)).json()) as { tags: string[]; notes: unknown[] };
      return contact.tags.includes("whitening-2026") && contact.notes.length > 0;
    }, { timeout: 20_000 })
    .toBe(true);
  await page.goto(`${SHELL}/sandbox/contacts/${contactId}`);
  await expect(page.getByTestId("sandbox-contact-tags")).toContainText("whitening-2026");
  const fields = page.getByTestId("sandbox-contact-fields");
  await expect(fields).toContainText(`/${slug}`); // Last link clicked
  await expect(fields).toContainText(/Total link clicks\s*2/);
  await expect(page.getByTestId("sandbox-contact-notes")).toContainText("Clicked Whitening offer");
  await expect(page.getByTestId("sandbox-contact-notes").locator("li")).toHaveCount(1);
});
