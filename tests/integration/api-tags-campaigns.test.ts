/** REST API v1 tags and campaigns: CRUD, name conflicts, cascades to links, isolation. */
import { DELETE as DELETE_CAMPAIGN, GET as GET_CAMPAIGN, PATCH as PATCH_CAMPAIGN } from "@/app/api/v1/campaigns/[id]/route";
import { GET as LIST_CAMPAIGNS, POST as POST_CAMPAIGN } from "@/app/api/v1/campaigns/route";
import { GET as GET_LINK } from "@/app/api/v1/links/[id]/route";
import { POST as POST_LINK } from "@/app/api/v1/links/route";
import { DELETE as DELETE_TAG, GET as GET_TAG, PATCH as PATCH_TAG } from "@/app/api/v1/tags/[id]/route";
import { GET as LIST_TAGS, POST as POST_TAG } from "@/app/api/v1/tags/route";
import type { CampaignDto } from "@/lib/campaigns/schemas";
import { linkDtoSchema, type LinkDto } from "@/lib/links/schemas";
import { cachedLink, rememberLink } from "@/lib/redirect/link-cache";
import type { TagDto } from "@/lib/tags/schemas";
import { useTestDatabase } from "@/tests/helpers/db";
import { call, expectError, installedWorkspace, type TestWorkspace } from "@/tests/integration/api-test-kit";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let a: TestWorkspace;
let b: TestWorkspace;

beforeAll(async () => {
  database = await useTestDatabase();
  a = await installedWorkspace("starter");
  b = await installedWorkspace("pro");
});
afterAll(async () => {
  await database.close();
});

async function link(ws: TestWorkspace, body: Record<string, unknown>): Promise<LinkDto> {
  const res = await call(POST_LINK, "POST", "/api/v1/links", { headers: ws.session, body: { url: "https://ok.example", ...body } });
  expect(res.status).toBe(201);
  return linkDtoSchema.parse(await res.json());
}
const readLink = async (ws: TestWorkspace, id: string) =>
  linkDtoSchema.parse(await (await call(GET_LINK, "GET", `/api/v1/links/${id}`, { headers: ws.session, params: { id } })).json());

const postTag = (ws: TestWorkspace, body: unknown) => call(POST_TAG, "POST", "/api/v1/tags", { headers: ws.apiKey, body });
const patchTag = (ws: TestWorkspace, id: string, body: unknown) => call(PATCH_TAG, "PATCH", `/api/v1/tags/${id}`, { headers: ws.session, body, params: { id } });
const postCampaign = (ws: TestWorkspace, body: unknown) => call(POST_CAMPAIGN, "POST", "/api/v1/campaigns", { headers: ws.session, body });
const patchCampaign = (ws: TestWorkspace, id: string, body: unknown) =>
  call(PATCH_CAMPAIGN, "PATCH", `/api/v1/campaigns/${id}`, { headers: ws.apiKey, body, params: { id } });

describe("tags", () => {
  it("creates, lists with link counts, renames, recolours and deletes", async () => {
    const res = await postTag(a, { name: "  VIP ", color: "#FF0066" });
    expect(res.status).toBe(201);
    const tag = (await res.json()) as TagDto;
    expect(tag).toMatchObject({ name: "VIP", color: "#ff0066", linkCount: 0 });
    const defaultColour = (await (await postTag(a, { name: "plain" })).json()) as TagDto;
    expect(defaultColour.color).toBe("#6366f1");

    const tagged = await link(a, { tags: ["vip"] });
    expect(tagged.tags).toEqual(["VIP"]);
    const list = (await (await call(LIST_TAGS, "GET", "/api/v1/tags", { headers: a.session })).json()) as { items: TagDto[] };
    expect(list.items.map((t) => [t.name, t.linkCount])).toEqual([
      ["plain", 0],
      ["VIP", 1],
    ]);

    rememberLink("", tagged.slug, { tags: ["VIP"] });
    const renamed = (await (await patchTag(a, tag.id, { name: "Gold", color: "#00aa00" })).json()) as TagDto;
    expect(renamed).toMatchObject({ id: tag.id, name: "Gold", color: "#00aa00", linkCount: 1 });
    expect(cachedLink("", tagged.slug)).toBeUndefined();
    expect((await readLink(a, tagged.id)).tags).toEqual(["Gold"]);
    expect(((await (await call(GET_TAG, "GET", `/api/v1/tags/${tag.id}`, { headers: a.session, params: { id: tag.id } })).json()) as TagDto).name).toBe("Gold");

    const del = await call(DELETE_TAG, "DELETE", `/api/v1/tags/${tag.id}`, { headers: a.session, params: { id: tag.id } });
    expect(del.status).toBe(204);
    expect((await readLink(a, tagged.id)).tags).toEqual([]);
    await expectError(await call(DELETE_TAG, "DELETE", `/api/v1/tags/${tag.id}`, { headers: a.session, params: { id: tag.id } }), 404, "not_found");
  });

  it("refuses a name already used (any case) with 409 conflict, on create and rename", async () => {
    await postTag(a, { name: "Promo" });
    const other = (await (await postTag(a, { name: "Other" })).json()) as TagDto;
    const created = await expectError(await postTag(a, { name: "PROMO" }), 409, "conflict");
    expect(created).toEqual({ code: "conflict", message: 'A tag named "PROMO" already exists', details: { field: "name" } });
    await expectError(await patchTag(a, other.id, { name: "promo" }), 409, "conflict");
    // Same name in another workspace is fine.
    expect((await postTag(b, { name: "Promo" })).status).toBe(201);
    // Renaming to its own name in another case is fine.
    expect((await patchTag(a, other.id, { name: "OTHER" })).status).toBe(200);
  });

  it("validates name and colour", async () => {
    const bad = await expectError(await postTag(a, { name: "", color: "red" }), 422, "invalid_input");
    expect(Object.keys((bad.details as { fieldErrors: object }).fieldErrors).sort()).toEqual(["color", "name"]);
    await expectError(await postTag(a, { name: "x".repeat(41) }), 422, "invalid_input");
    await expectError(await postTag(a, { name: "a;b" }), 422, "invalid_input");
    const tag = (await (await postTag(a, { name: "valid" })).json()) as TagDto;
    await expectError(await patchTag(a, tag.id, {}), 422, "invalid_input");
    await expectError(await patchTag(a, tag.id, { color: "#12345" }), 422, "invalid_input");
  });

  it("is isolated per workspace", async () => {
    const tag = (await (await postTag(b, { name: "b-secret" })).json()) as TagDto;
    const list = (await (await call(LIST_TAGS, "GET", "/api/v1/tags", { headers: a.session })).json()) as { items: TagDto[] };
    expect(list.items.map((t) => t.id)).not.toContain(tag.id);
    await expectError(await call(DELETE_TAG, "DELETE", `/api/v1/tags/${tag.id}`, { headers: a.apiKey, params: { id: tag.id } }), 404, "not_found");
    await expectError(await call(GET_TAG, "GET", `/api/v1/tags/${tag.id}`, { headers: a.apiKey, params: { id: tag.id } }), 404, "not_found");
  });
});

describe("campaigns", () => {
  it("creates with tags (created once), reads, updates, and deletes leaving links outside any campaign", async () => {
    const res = await postCampaign(a, { name: " Black Friday ", tags: ["Sale", "sale", "Q4"] });
    expect(res.status).toBe(201);
    const cmp = (await res.json()) as CampaignDto;
    expect(cmp).toMatchObject({ name: "Black Friday", tags: ["Q4", "Sale"], linkCount: 0, archived: false, description: null });

    const member = await link(a, { campaignId: cmp.id, tags: ["SALE"] });
    expect(member.campaign).toEqual({ id: cmp.id, name: "Black Friday" });
    expect(member.tags).toEqual(["Sale"]);
    const got = (await (await call(GET_CAMPAIGN, "GET", `/api/v1/campaigns/${cmp.id}`, { headers: a.session, params: { id: cmp.id } })).json()) as CampaignDto;
    expect(got).toMatchObject({ id: cmp.id, linkCount: 1, tags: ["Q4", "Sale"] });

    rememberLink("", member.slug, { campaignTags: ["Sale"] });
    const updated = (await (await patchCampaign(a, cmp.id, { name: "Cyber Monday", tags: ["Cyber"], description: "Nov", archived: true })).json()) as CampaignDto;
    expect(updated).toMatchObject({ id: cmp.id, name: "Cyber Monday", tags: ["Cyber"], description: "Nov", archived: true });
    expect(cachedLink("", member.slug)).toBeUndefined();
    expect((await readLink(a, member.id)).campaign).toEqual({ id: cmp.id, name: "Cyber Monday" });

    const list = (await (await call(LIST_CAMPAIGNS, "GET", "/api/v1/campaigns", { headers: a.apiKey })).json()) as { items: CampaignDto[] };
    expect(list.items.find((c) => c.id === cmp.id)).toMatchObject({ linkCount: 1 });

    const del = await call(DELETE_CAMPAIGN, "DELETE", `/api/v1/campaigns/${cmp.id}`, { headers: a.session, params: { id: cmp.id } });
    expect(del.status).toBe(204);
    expect(await readLink(a, member.id)).toMatchObject({ campaignId: null, campaign: null });
    await expectError(await call(GET_CAMPAIGN, "GET", `/api/v1/campaigns/${cmp.id}`, { headers: a.session, params: { id: cmp.id } }), 404, "not_found");
  });

  it("refuses a name already used (any case) with 409 conflict, and changes nothing", async () => {
    await postCampaign(a, { name: "Spring" });
    const summer = (await (await postCampaign(a, { name: "Summer", tags: ["warm"] })).json()) as CampaignDto;
    const error = await expectError(await postCampaign(a, { name: "SPRING" }), 409, "conflict");
    expect(error).toEqual({ code: "conflict", message: 'A campaign named "SPRING" already exists', details: { field: "name" } });
    await expectError(await patchCampaign(a, summer.id, { name: "spring", tags: ["cold"] }), 409, "conflict");
    const after = (await (await call(GET_CAMPAIGN, "GET", `/api/v1/campaigns/${summer.id}`, { headers: a.session, params: { id: summer.id } })).json()) as CampaignDto;
    expect(after).toMatchObject({ name: "Summer", tags: ["warm"] });
    expect((await postCampaign(b, { name: "Spring" })).status).toBe(201);
  });

  it("validates input and isolates workspaces", async () => {
    const bad = await expectError(await postCampaign(a, { name: "", tags: [""] }), 422, "invalid_input");
    expect(Object.keys((bad.details as { fieldErrors: object }).fieldErrors).sort()).toEqual(["name", "tags.0"]);
    await expectError(await postCampaign(a, { name: "x".repeat(101) }), 422, "invalid_input");
    const theirs = (await (await postCampaign(b, { name: "B's" })).json()) as CampaignDto;
    await expectError(await patchCampaign(a, theirs.id, { name: "stolen" }), 404, "not_found");
    await expectError(await call(DELETE_CAMPAIGN, "DELETE", `/api/v1/campaigns/${theirs.id}`, { headers: a.session, params: { id: theirs.id } }), 404, "not_found");
    const mine = (await (await call(LIST_CAMPAIGNS, "GET", "/api/v1/campaigns", { headers: a.session })).json()) as { items: CampaignDto[] };
    expect(mine.items.map((c) => c.id)).not.toContain(theirs.id);
    await expectError(await call(LIST_CAMPAIGNS, "GET", "/api/v1/campaigns"), 401, "unauthorized");
  });
});
