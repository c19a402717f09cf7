/**
 * Clicks carry no foreign keys (the click path writes them faster without), so their deletion
 * with a link, a bulk delete or a workspace purge is the app's job: nothing of the deleted may
 * linger in the table, and nothing of anyone else may go with it.
 */
import { eq, inArray } from "drizzle-orm";
import { clicks, links, workspaces } from "@/db/schema";
import type { ClickEvent } from "@/lib/clicks/click-event";
import { listLinkClicks } from "@/lib/clicks/queries";
import { writeClickEvents } from "@/lib/clicks/write-click-batch";
import { purgeExpiredWorkspaces } from "@/lib/installs/uninstall-app";
import { bulkUpdateLinks } from "@/lib/links/bulk";
import { deleteLink } from "@/lib/links/delete-link";
import { clickEvent } from "@/tests/helpers/click-event";
import { freshDb, type TestDatabase } from "@/tests/helpers/db";

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDb();
});
afterAll(async () => {
  await database.close();
});

function click(workspaceId: string, linkId: string, rootLinkId = linkId): ClickEvent {
  return clickEvent(workspaceId, linkId, { rootLinkId, country: "US", deviceType: "mobile", os: "iOS", browser: "Mobile Safari" });
}

async function clickCounts(): Promise<Record<string, number>> {
  const rows = await database.db
    .select({ rootLinkId: clicks.rootLinkId, workspaceId: clicks.workspaceId })
    .from(clicks)
    .where(inArray(clicks.workspaceId, ["wsa", "wsb", "wsc"]));
  const counts: Record<string, number> = {};
  for (const r of rows) counts[`${r.workspaceId}/${r.rootLinkId}`] = (counts[`${r.workspaceId}/${r.rootLinkId}`] ?? 0) + 1;
  return counts;
}

async function workspaceWithLinks(id: string, slugs: string[]): Promise<void> {
  await database.db.insert(workspaces).values({ id, crmLocationId: `loc_${id}`, name: id, plan: "pro" });
  await database.db.insert(links).values(slugs.map((slug) => ({ id: `${id}_${slug}`, workspaceId: id, slug: `${id}-${slug}`, url: "https://example.com/" })));
}

describe("writing clicks", () => {
  it("stores every field as recorded, the time to the millisecond, and counts humans on the link", async () => {
    await workspaceWithLinks("wsw", ["one"]);
    const event: ClickEvent = {
      ...click("wsw", "wsw_one"),
      occurredAt: new Date("2026-11-20T10:00:00.123Z"),
      region: "CA",
      city: "São Paulo \"quoted\"",
      referrer: "https://www.instagram.com/",
      referrerHost: "instagram.com",
      source: "instagram",
      isQr: true,
      contactId: "ct_9",
    };
    await writeClickEvents(database.db, [event, { ...event, isBot: true, contactId: null }]);
    const [row] = await listLinkClicks(database.db, "wsw", "wsw_one", 1);
    const { id: _id, ...stored } = row ?? ({} as NonNullable<typeof row>);
    expect(stored).toEqual({ ...event, isBot: true, contactId: null });
    const [human] = await listLinkClicks(database.db, "wsw", "wsw_one", 2).then((rows) => rows.filter((r) => !r.isBot));
    expect(human).toMatchObject(event);
    const [linkRow] = await database.db.select({ clicks: links.clicks, last: links.lastClickedAt }).from(links).where(eq(links.id, "wsw_one"));
    expect(linkRow).toEqual({ clicks: 1, last: event.occurredAt });
  });
});

describe("deleting clicks with what they belong to", () => {
  it("a link's clicks (its minted codes' included) go with it; other links' and workspaces' stay", async () => {
    await workspaceWithLinks("wsa", ["one", "two"]);
    await workspaceWithLinks("wsb", ["one"]);
    await database.db.insert(links).values({ id: "wsa_code", workspaceId: "wsa", slug: "wsa-code", url: "https://example.com/", parentLinkId: "wsa_one", contactId: "ct_1" });
    await writeClickEvents(database.db, [
      click("wsa", "wsa_one"),
      click("wsa", "wsa_code", "wsa_one"),
      click("wsa", "wsa_two"),
      click("wsa", "wsa_two"),
      click("wsb", "wsb_one"),
    ]);
    // Another workspace cannot delete A's link, and its clicks stay.
    await expect(deleteLink(database.db, "wsb", "wsa_one")).rejects.toMatchObject({ code: "not_found" });
    expect(await clickCounts()).toEqual({ "wsa/wsa_one": 2, "wsa/wsa_two": 2, "wsb/wsb_one": 1 });

    await deleteLink(database.db, "wsa", "wsa_one");
    expect(await clickCounts()).toEqual({ "wsa/wsa_two": 2, "wsb/wsb_one": 1 });
    expect(await database.db.select().from(links).where(eq(links.id, "wsa_code"))).toEqual([]);

    const result = await bulkUpdateLinks(database.db, { workspaceId: "wsa", userId: null }, { ids: ["wsa_two", "wsb_one"], action: "delete" });
    expect(result.ids).toEqual(["wsa_two"]);
    expect(await clickCounts()).toEqual({ "wsb/wsb_one": 1 });
  });

  it("a purged workspace's clicks go with it", async () => {
    await workspaceWithLinks("wsc", ["one"]);
    await writeClickEvents(database.db, [click("wsc", "wsc_one"), click("wsc", "wsc_one")]);
    await database.db
      .update(workspaces)
      .set({ status: "uninstalled", purgeAfter: new Date("2026-11-01T00:00:00Z") })
      .where(eq(workspaces.id, "wsc"));
    expect(await purgeExpiredWorkspaces(database.db, new Date("2026-11-23T00:00:00Z"))).toEqual(["wsc"]);
    expect(await clickCounts()).toEqual({ "wsb/wsb_one": 1 });
  });
});
