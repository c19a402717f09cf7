/**
 * The short URL over real HTTP: the node:http listener server.ts uses, on a fresh database with
 * the real migrations. Covers the architecture's status table (redirect, preview card, gates,
 * dead links), the click rows the batch writer stores, and tenant isolation on custom domains.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { domains, jobs, leads, links, unlockAttempts, workspaces, type NewLinkRow } from "@/db/schema";
import { flushClicks } from "@/lib/clicks/record-click";
import { listLinkClicks } from "@/lib/clicks/queries";
import { getDb } from "@/lib/db";
import { hashLinkPassword } from "@/lib/gates/password";
import { newId } from "@/lib/ids";
import { updateLinkSchema } from "@/lib/links/schemas";
import { updateLink } from "@/lib/links/update-link";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";
import { useTestDatabase } from "@/tests/helpers/db";
import { cookiesOf, rawRequest, startShortLinkServer, type RawRequest, type ShortLinkServer } from "@/tests/helpers/short-link-server";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const WHATSAPP = "WhatsApp/2.23.20.0 A";

let database: { close: () => Promise<void> };
let server: ShortLinkServer;
let db: Db;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startShortLinkServer();
  db = await getDb();
});
afterAll(async () => {
  await server.close();
  await flushClicks();
  await database.close();
});

const get = (path: string, options: RawRequest = {}) =>
  rawRequest(server.port, path, { ...options, headers: { "user-agent": IPHONE, ...options.headers } });

async function workspace(opts: Partial<typeof workspaces.$inferInsert> = {}) {
  const id = newId("ws");
  await db.insert(workspaces).values({ id, crmLocationId: `loc_${id}`, name: "Acme Dental", plan: "pro", ...opts });
  return id;
}

let slugSeq = 0;
async function link(workspaceId: string, values: Partial<NewLinkRow> = {}) {
  const row = { id: newId("lnk"), workspaceId, slug: `s${++slugSeq}`, url: "https://example.com/landing", ...values };
  await db.insert(links).values(row);
  invalidateLinkCache();
  return row;
}

async function linkRow(id: string) {
  const [row] = await db.select().from(links).where(eq(links.id, id));
  if (!row) throw new Error("no such link");
  return row;
}

describe("an active link", () => {
  it("redirects with 302, no caching, and forwards the query minus c and qr", async () => {
    const ws = await workspace();
    const l = await link(ws, { url: "https://example.com/landing?ref=sl#top" });
    const res = await get(`/${l.slug}?utm_x=1&c=contact_1&qr=1&b=two%20words`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("https://example.com/landing?ref=sl&utm_x=1&b=two%20words#top");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.body).toBe("");
  });

  it("merges the link's UTM fields into the destination", async () => {
    const ws = await workspace();
    const l = await link(ws, { url: "https://example.com/?utm_source=old", utm: { source: "crm", campaign: "spring sale" } });
    const res = await get(`/${l.slug}`);
    expect(res.headers.location).toBe("https://example.com/?utm_source=crm&utm_campaign=spring+sale");
  });

  it("answers HEAD with the same status and headers and no body", async () => {
    const ws = await workspace();
    const l = await link(ws);
    const res = await get(`/${l.slug}?a=1`, { method: "HEAD" });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("https://example.com/landing?a=1");
    expect(res.body).toBe("");
  });

  it("is served by the Next route handler too", async () => {
    const ws = await workspace();
    const l = await link(ws);
    const { GET } = await import("@/app/[slug]/route");
    const res = await GET(new Request(`http://localhost/${l.slug}?c=x&z=9`, { headers: { "user-agent": IPHONE } }), {
      params: Promise.resolve({ slug: l.slug }),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://example.com/landing?z=9");
  });
});

describe("dead links", () => {
  it("answers an unknown slug with the branded 404 page", async () => {
    const res = await get("/no-such-link");
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body).toContain("This link doesn't exist");
    expect(res.body).toContain("Smart Links");
    expect(res.body).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
  });

  it("answers an archived link with 410 unavailable", async () => {
    const ws = await workspace();
    const l = await link(ws, { status: "archived" });
    const res = await get(`/${l.slug}`);
    expect(res.status).toBe(410);
    expect(res.body).toContain("no longer available");
  });

  it("turns a workspace's links off at uninstall and back on at reinstall", async () => {
    const ws = await workspace();
    const l = await link(ws);
    await db.update(workspaces).set({ status: "uninstalled" }).where(eq(workspaces.id, ws));
    invalidateLinkCache();
    expect((await get(`/${l.slug}`)).status).toBe(410);
    expect((await get(`/${l.slug}`, { headers: { "user-agent": WHATSAPP } })).status).toBe(410);
    await db.update(workspaces).set({ status: "active" }).where(eq(workspaces.id, ws));
    invalidateLinkCache();
    expect((await get(`/${l.slug}`)).status).toBe(302);
  });

  it("answers an expired link with 410, or 302 to its expired URL, for people and bots alike", async () => {
    const ws = await workspace();
    const past = new Date(Date.now() - 60_000);
    const bare = await link(ws, { expiresAt: past });
    const withFallback = await link(ws, { expiresAt: past, expiredUrl: "https://example.com/expired" });
    const future = await link(ws, { expiresAt: new Date(Date.now() + 3_600_000) });
    for (const ua of [IPHONE, WHATSAPP]) {
      const res = await get(`/${bare.slug}`, { headers: { "user-agent": ua } });
      expect(res.status).toBe(410);
      expect(res.body).toContain("This link has expired");
      const fb = await get(`/${withFallback.slug}?x=1`, { headers: { "user-agent": ua } });
      expect(fb.status).toBe(302);
      expect(fb.headers.location).toBe("https://example.com/expired?x=1");
    }
    expect((await get(`/${future.slug}`)).status).toBe(302);
  });
});

describe("click limits", () => {
  it("serves exactly N human clicks, then the branded page; a bot never uses one up", async () => {
    const ws = await workspace();
    const l = await link(ws, { clickLimit: 3 });
    const preview = await get(`/${l.slug}`, { headers: { "user-agent": WHATSAPP } });
    expect(preview.status).toBe(200);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await get(`/${l.slug}`)).status);
    expect(answers).toEqual([302, 302, 302, 410]);
    const over = await get(`/${l.slug}`);
    expect(over.body).toContain("reached its limit");
    expect((await get(`/${l.slug}`, { headers: { "user-agent": WHATSAPP } })).status).toBe(410);
    expect((await linkRow(l.id)).humanClicks).toBe(3);
  });

  it("is not used up by HEAD requests (a POST counts like a GET)", async () => {
    const ws = await workspace();
    const l = await link(ws, { clickLimit: 1 });
    expect((await get(`/${l.slug}`, { method: "HEAD" })).status).toBe(302);
    expect((await get(`/${l.slug}`, { form: { anything: "x" } })).status).toBe(302);
    expect((await get(`/${l.slug}`)).status).toBe(410);
  });

  it("sends clicks past the limit to the limit URL", async () => {
    const ws = await workspace();
    const l = await link(ws, { clickLimit: 1, limitUrl: "https://example.com/sold-out" });
    expect((await get(`/${l.slug}`)).headers.location).toBe("https://example.com/landing");
    const res = await get(`/${l.slug}`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("https://example.com/sold-out");
  });

  it("holds under concurrent clicks", async () => {
    const ws = await workspace();
    const l = await link(ws, { clickLimit: 5 });
    const statuses = await Promise.all(Array.from({ length: 12 }, () => get(`/${l.slug}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 302)).toHaveLength(5);
    expect(statuses.filter((s) => s === 410)).toHaveLength(7);
  });
});

describe("the preview card", () => {
  it("gives preview fetchers OG and Twitter tags with every user string escaped", async () => {
    const ws = await workspace();
    const evil = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;
    const l = await link(ws, {
      title: "ignored when the preview has a title",
      preview: { title: evil, description: `Tom & Jerry's "deal"`, image: "https://cdn.example.com/card.png" },
    });
    const res = await get(`/${l.slug}?c=contact_secret&utm_x=1`, { headers: { "user-agent": WHATSAPP } });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body).not.toContain("<script>");
    expect(res.body).not.toContain("<img src=x");
    expect(res.body).toContain(
      '<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;">',
    );
    expect(res.body).toContain('<meta property="og:description" content="Tom &amp; Jerry&#39;s &quot;deal&quot;">');
    expect(res.body).toContain('<meta property="og:image" content="https://cdn.example.com/card.png">');
    expect(res.body).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(res.body).toContain(`<meta property="og:url" content="http://127.0.0.1:${server.port}/${l.slug}">`);
    expect(res.body).not.toContain("contact_secret");
  });

  it("never reveals a protected link's destination", async () => {
    const ws = await workspace();
    const l = await link(ws, { url: "https://secret.example.com/doc", passwordHash: await hashLinkPassword("pw") });
    const res = await get(`/${l.slug}`, { headers: { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('property="og:title"');
    expect(res.body).not.toContain("secret.example.com");
  });
});

describe("password protection", () => {
  it("asks, refuses a wrong password, and remembers the right one in a signed cookie", async () => {
    const ws = await workspace();
    const l = await link(ws, { passwordHash: await hashLinkPassword("open sesame") });
    const page = await get(`/${l.slug}?c=abc`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<form method="post" action="/${l.slug}?c=abc">`);
    expect(page.headers["referrer-policy"]).toBe("no-referrer");

    const wrong = await get(`/${l.slug}?c=abc`, { form: { password: "nope" } });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toContain("That password isn&#39;t right.");
    expect(wrong.headers["set-cookie"]).toBeUndefined();

    const right = await get(`/${l.slug}?c=abc&x=1`, { form: { password: "open sesame" } });
    expect(right.status).toBe(302);
    expect(right.headers.location).toBe("https://example.com/landing?x=1");
    const [setCookie] = right.headers["set-cookie"] ?? [];
    expect(setCookie).toMatch(new RegExp(`^sl_unlock_${l.id}=\\d+\\.[\\w-]+; Max-Age=86400; Path=/${l.slug}; HttpOnly; SameSite=Lax$`));
    expect(setCookie).not.toContain("sesame");

    const again = await get(`/${l.slug}`, { headers: { cookie: cookiesOf(right) } });
    expect(again.status).toBe(302);
    const forged = cookiesOf(right).replace(/\.([\w-])/, ".A$1");
    expect((await get(`/${l.slug}`, { headers: { cookie: forged } })).status).toBe(200);
  });

  it("treats an oversized or non-form body as no password", async () => {
    const ws = await workspace();
    const l = await link(ws, { passwordHash: await hashLinkPassword("pw") });
    const huge = await get(`/${l.slug}`, { form: { password: "pw", padding: "x".repeat(20_000) } });
    expect(huge.status).toBe(200);
    expect(huge.body).toContain("Enter the password.");
    const json = await rawRequest(server.port, `/${l.slug}`, {
      method: "POST",
      headers: { "user-agent": IPHONE, "content-type": "application/json" },
    });
    expect(json.status).toBe(200);
  });

  it("locks a visitor out after five wrong passwords in 15 minutes (429)", async () => {
    const ws = await workspace();
    const l = await link(ws, { passwordHash: await hashLinkPassword("right") });
    const from = { "x-forwarded-for": "203.0.113.7" };
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await get(`/${l.slug}`, { form: { password: `wrong${i}` }, headers: from })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const locked = await get(`/${l.slug}`, { form: { password: "right" }, headers: from });
    expect(locked.status).toBe(429);
    expect(locked.headers["retry-after"]).toBe("900");
    expect(locked.body).toContain("Too many attempts");
    // Another visitor is not affected.
    const other = await get(`/${l.slug}`, { form: { password: "right" }, headers: { "x-forwarded-for": "203.0.113.8" } });
    expect(other.status).toBe(302);
    const [row] = await db
      .select({ failures: sql<number>`sum(${unlockAttempts.failures})::int` })
      .from(unlockAttempts)
      .where(eq(unlockAttempts.linkId, l.id));
    expect(row?.failures).toBe(5);
  });
});

describe("lead capture", () => {
  it("asks, shows field errors with the values kept, stores the lead, and does not ask again", async () => {
    const ws = await workspace();
    const l = await link(ws, { leadCapture: { enabled: true, headline: "Get the <b>guide</b>", fields: ["email", "name", "company"] } });
    const form = await get(`/${l.slug}`);
    expect(form.status).toBe(200);
    expect(form.body).toContain("Get the &lt;b&gt;guide&lt;/b&gt;");
    expect(form.body).toContain('name="company"');

    const invalid = await get(`/${l.slug}`, { form: { name: `Eve "<x>"`, email: "not-an-email", company: "" } });
    expect(invalid.status).toBe(200);
    expect(invalid.body).toContain("Enter a valid email address");
    expect(invalid.body).toContain('value="not-an-email"');
    expect(invalid.body).toContain('value="Eve &quot;&lt;x&gt;&quot;"');
    expect(await db.select().from(leads).where(eq(leads.linkId, l.id))).toHaveLength(0);

    const valid = await get(`/${l.slug}?c=contact_7&keep=1`, { form: { name: "Eve Adams", email: "Eve@Example.com", company: "Acme" } });
    expect(valid.status).toBe(303);
    expect(valid.headers.location).toBe("https://example.com/landing?keep=1");
    const [lead] = await db.select().from(leads).where(eq(leads.linkId, l.id));
    expect(lead).toMatchObject({ workspaceId: ws, name: "Eve Adams", email: "eve@example.com", phone: null, fields: { company: "Acme" } });
    const [job] = await db.select().from(jobs).where(and(eq(jobs.workspaceId, ws), eq(jobs.type, "crm.upsert_lead")));
    expect(job?.payload).toMatchObject({ leadId: lead?.id, contactId: "contact_7" });

    const back = await get(`/${l.slug}`, { headers: { cookie: cookiesOf(valid) } });
    expect(back.status).toBe(302);
  });

  it("asks for the password first, then the form", async () => {
    const ws = await workspace();
    const l = await link(ws, { passwordHash: await hashLinkPassword("pw"), leadCapture: { enabled: true, fields: ["email"] } });
    const unlocked = await get(`/${l.slug}`, { form: { password: "pw" } });
    expect(unlocked.status).toBe(303);
    expect(unlocked.headers.location).toBe(`/${l.slug}`);
    const form = await get(`/${l.slug}`, { headers: { cookie: cookiesOf(unlocked) } });
    expect(form.body).toContain('name="email"');
  });
});

describe("smart routing", () => {
  it("keeps an A/B visitor on the same variant through a cookie", async () => {
    const ws = await workspace();
    const ab = [
      { url: "https://a.example.com/", weight: 50 },
      { url: "https://b.example.com/", weight: 50 },
    ];
    const l = await link(ws, { rules: { ab } });
    const first = await get(`/${l.slug}`);
    const [setCookie] = first.headers["set-cookie"] ?? [];
    const variant = Number(/^sl_ab_[\w]+=(\d)/.exec(setCookie ?? "")?.[1]);
    expect(setCookie).toContain("Max-Age=604800");
    expect(first.headers.location).toBe(ab[variant]?.url);
    for (let i = 0; i < 8; i++) {
      const res = await get(`/${l.slug}`, { headers: { cookie: cookiesOf(first) } });
      expect(res.headers.location).toBe(ab[variant]?.url);
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    const other = await get(`/${l.slug}`, { headers: { cookie: `sl_ab_${l.id}=${1 - variant}` } });
    expect(other.headers.location).toBe(ab[1 - variant]?.url);
  });

  it("routes by the country of the client IP from X-Forwarded-For (Pro only)", async () => {
    const rules = { country: [{ countries: ["US"], url: "https://us.example.com/" }] };
    const pro = await link(await workspace({ plan: "pro" }), { rules });
    const starter = await link(await workspace({ plan: "starter" }), { rules });
    expect((await get(`/${pro.slug}`, { headers: { "x-forwarded-for": "8.8.8.8" } })).headers.location).toBe("https://us.example.com/");
    expect((await get(`/${pro.slug}`, { headers: { "x-forwarded-for": "10.0.0.1" } })).headers.location).toBe("https://example.com/landing");
    expect((await get(`/${starter.slug}`, { headers: { "x-forwarded-for": "8.8.8.8" } })).headers.location).toBe("https://example.com/landing");
  });

  it("splits new visitors 70/30 over 10,000 visits, within 2 points", async () => {
    const l = await link(await workspace(), {
      rules: { ab: [{ url: "https://a.example.com/", weight: 70 }, { url: "https://b.example.com/", weight: 30 }] },
    });
    let a = 0;
    const visits = 10_000;
    for (let start = 0; start < visits; start += 100) {
      const batch = await Promise.all(Array.from({ length: 100 }, () => get(`/${l.slug}`)));
      for (const res of batch) if (res.headers.location === "https://a.example.com/") a++;
    }
    expect(Math.abs(a / visits - 0.7)).toBeLessThan(0.02);
  }, 120_000);

  it("routes by device", async () => {
    const l = await link(await workspace(), { rules: { device: [{ devices: ["ios"], url: "https://apps.apple.com/app/x" }] } });
    expect((await get(`/${l.slug}`)).headers.location).toBe("https://apps.apple.com/app/x");
    expect((await get(`/${l.slug}`, { headers: { "user-agent": DESKTOP } })).headers.location).toBe("https://example.com/landing");
  });
});

describe("edits", () => {
  it("take effect on the very next click", async () => {
    const ws = await workspace();
    const l = await link(ws, { url: "https://example.com/old" });
    expect((await get(`/${l.slug}`)).headers.location).toBe("https://example.com/old");
    await updateLink(db, { workspaceId: ws, userId: null }, l.id, updateLinkSchema.parse({ url: "https://example.com/new" }));
    expect((await get(`/${l.slug}`)).headers.location).toBe("https://example.com/new");
    await updateLink(db, { workspaceId: ws, userId: null }, l.id, updateLinkSchema.parse({ status: "archived" }));
    expect((await get(`/${l.slug}`)).status).toBe(410);
  });
});

describe("recorded clicks", () => {
  it("classifies in-app browsers and referrers as their sources", async () => {
    const ws = await workspace();
    const l = await link(ws);
    const visits: [Record<string, string>, string][] = [
      [{ "user-agent": `${IPHONE} Instagram 320.0.2.30.97 (iPhone14,5; iOS 17_4; en_US)` }, "instagram"],
      [{ "user-agent": `${IPHONE} [FBAN/FBIOS;FBAV/452.0.0.41.109;FBBV/1]` }, "facebook"],
      [{ "user-agent": `${IPHONE} musical_ly_33.8.0 BytedanceWebview/d8a21c6` }, "tiktok"],
      [{ referer: "https://www.google.com/" }, "google"],
      [{ referer: "https://t.co/abc" }, "twitter"],
      [{ referer: "android-app://com.google.android.gm/" }, "email"],
      [{}, "direct"],
    ];
    for (const [headers] of visits) await get(`/${l.slug}`, { headers });
    await flushClicks();
    const sources = (await listLinkClicks(db, ws, l.id)).map((r) => r.source).sort();
    expect(sources).toEqual(visits.map(([, source]) => source).sort());
  });


  it("writes a row per visit after a flush, and counts humans only on the link", async () => {
    const ws = await workspace();
    const l = await link(ws, { url: "https://example.com/x", utm: { medium: "sms" } });
    await get(`/${l.slug}?c=contact_9&qr=1`, { headers: { referer: "https://www.instagram.com/p/1", "x-forwarded-for": "8.8.8.8" } });
    await get(`/${l.slug}`, { headers: { "user-agent": WHATSAPP } });
    await get(`/${l.slug}`, { method: "HEAD", headers: { "user-agent": DESKTOP } });
    await flushClicks();
    const rows = await listLinkClicks(db, ws, l.id);
    expect(rows).toHaveLength(3);
    const human = rows.find((r) => !r.isBot);
    expect(human).toMatchObject({
      linkId: l.id,
      rootLinkId: l.id,
      destination: "https://example.com/x?utm_medium=sms",
      rule: "default",
      contactId: "contact_9",
      isQr: true,
      deviceType: "mobile",
      country: "US",
      referrerHost: "instagram.com",
    });
    expect(human?.visitorKey).not.toContain("8.8.8.8");
    expect(rows.filter((r) => r.isBot).map((r) => r.destination).sort()).toEqual(["https://example.com/x?utm_medium=sms", null]);
    const row = await linkRow(l.id);
    expect(row.clicks).toBe(1);
    expect(row.lastClickedAt).not.toBeNull();
    expect(row.humanClicks).toBe(0);
  });

  it("answers a minted per-contact code with its parent's settings and the bound contact", async () => {
    const ws = await workspace();
    const parent = await link(ws, { url: "https://example.com/offer", clickLimit: 10 });
    const code = await link(ws, { url: "https://example.com/ignored", parentLinkId: parent.id, contactId: "contact_m" });
    const res = await get(`/${code.slug}?c=someone_else`);
    expect(res.headers.location).toBe("https://example.com/offer");
    await flushClicks();
    const [click] = await listLinkClicks(db, ws, parent.id);
    expect(click).toMatchObject({ linkId: code.id, rootLinkId: parent.id, contactId: "contact_m" });
    expect((await linkRow(parent.id)).clicks).toBe(1);
    expect((await linkRow(parent.id)).humanClicks).toBe(1);
    expect((await linkRow(code.id)).clicks).toBe(1);
    await db.update(links).set({ status: "archived" }).where(eq(links.id, parent.id));
    invalidateLinkCache();
    expect((await get(`/${code.slug}`)).status).toBe(410);
  });
});

describe("custom domains", () => {
  it("serves a verified domain's own links, never another workspace's, and brands its 404", async () => {
    const a = await workspace({ branding: { name: "Acme <Clinics>" }, brandingEnabled: true, whiteLabel: true });
    const b = await workspace();
    await db.insert(domains).values({ id: newId("dom"), workspaceId: a, hostname: "go.acme.test", verificationToken: "t", status: "verified" });
    await db.insert(domains).values({ id: newId("dom"), workspaceId: b, hostname: "pending.b.test", verificationToken: "t", status: "pending" });
    const onDomain = await link(a, { domain: "go.acme.test", slug: "deal", url: "https://acme.example.com/deal" });
    await link(b, { domain: "", slug: "deal", url: "https://b.example.com/deal" });
    const intruder = await link(b, { domain: "go.acme.test", slug: "b-only", url: "https://b.example.com/steal" });
    await link(b, { domain: "pending.b.test", slug: "p1" });

    const ok = await get(`/${onDomain.slug}`, { headers: { host: "GO.acme.test:8443" } });
    expect(ok.status).toBe(302);
    expect(ok.headers.location).toBe("https://acme.example.com/deal");
    expect((await get("/deal")).headers.location).toBe("https://b.example.com/deal");

    const blocked = await get(`/${intruder.slug}`, { headers: { host: "go.acme.test" } });
    expect(blocked.status).toBe(404);
    expect(blocked.body).toContain("Acme &lt;Clinics&gt;");
    expect(blocked.body).not.toContain("Smart Links");

    expect((await get("/p1", { headers: { host: "pending.b.test" } })).status).toBe(404);
    expect((await get("/deal", { headers: { host: "unknown.example.org" } })).status).toBe(404);
  });
});
