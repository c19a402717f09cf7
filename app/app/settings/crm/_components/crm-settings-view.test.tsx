/**
 * Settings → CRM renders from its query cache: skeletons first, then every card with the test
 * ids the e2e and screenshots rely on (server-rendered here; the data layer is covered by
 * tests/integration/crm-status.test.ts).
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { ToastProvider } from "@/app/_components/ui/toast";
import { crmKeys } from "@/app/app/settings/crm/_components/crm-data";
import { CrmSettingsView } from "@/app/app/settings/crm/_components/crm-settings-view";
import type { CrmStatusDto, UnresolvedPageDto } from "@/lib/crm-status/schemas";

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));
jest.mock("@/app/app/settings/crm/actions", () => ({ testWritebackAction: jest.fn(), retryJobAction: jest.fn(), retryAllJobsAction: jest.fn(), dismissJobAction: jest.fn() }));

const now = new Date().toISOString();
const status: CrmStatusDto = {
  generatedAt: now,
  connection: {
    mode: "sandbox",
    crmName: "Sandbox CRM",
    locationId: "loc_1",
    locationName: "Sunrise Dental",
    isInstalled: true,
    hasAccessToken: true,
    hasRefreshToken: true,
    tokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    installedAt: now,
    installedBy: { name: "Ann Admin", email: "ann@example.com", crmUserId: "u1" },
    currentUser: { name: "Bob", email: null, crmUserId: "u2", role: "admin" },
    missingScopes: [],
  },
  lastSuccess: { at: now, effect: "Add tags" },
  lastFailure: { at: now, effect: "Add a timeline note", reason: "CRM down", status: "retrying" },
  queue: { pending: 3, running: 1, retrying: 2, nextRetryAt: now },
  today: { since: now, total: 12, byKind: { tags: 5, contact_updates: 3, notes: 2, leads: 1, triggers: 1, contact_names: 4, other: 0 } },
  failures24h: { dead: 1, retrying: 2 },
  unresolved: 1,
};
const page: UnresolvedPageDto = {
  total: 1,
  nextCursor: null,
  items: [
    {
      id: "job_1",
      type: "crm.tag_contact",
      kind: "tags",
      effect: "Add tags",
      what: ["3 clicks"],
      contact: { id: "ct_1", name: "Jane Doe", email: "jane@example.com", isErased: false },
      link: { id: "lnk_1", title: "Spring promo", shortUrl: "https://s.test/promo", otherLinks: 1 },
      reason: { code: "gave_up", label: "Gave up after 12 tries", message: "Smart Links tried 12 tries and stopped.", detail: "unavailable: The CRM answered 503" },
      attempts: 12,
      maxAttempts: 12,
      failedAt: now,
      createdAt: now,
    },
  ],
};

function render(client: QueryClient): string {
  return renderToString(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <CrmSettingsView crm={{ mode: "sandbox", sandboxShellUrl: "http://shell.test" }} />
      </ToastProvider>
    </QueryClientProvider>,
  );
}

it("shows skeletons while the first answer is on its way", () => {
  const html = render(new QueryClient());
  expect(html).toContain('data-testid="crm-status-loading"');
  expect(html).toContain('aria-busy="true"');
});

it("renders every card of a loaded status with its test ids", () => {
  const client = new QueryClient();
  client.setQueryData(crmKeys.status(), status);
  client.setQueryData(crmKeys.unresolved(), { pages: [page], pageParams: [null] });
  const html = render(client);
  const ids = [
    ...["crm-live", "crm-stats", "crm-last-success", "crm-queue-depth", "crm-queue-retrying", "crm-effects-today", "crm-failures-24h"],
    ...["crm-connection-card", "crm-connection-state", "crm-mode", "crm-location-name", "crm-location-id", "crm-installed-by", "crm-current-user", "crm-token", "crm-last-failure"],
    ...["test-writeback-card", "test-writeback-button", "crm-effects-card", "crm-effects-tags", "crm-effects-triggers"],
    ...["unresolved-card", "unresolved-count", "unresolved-retry-all", "unresolved-list", "unresolved-row", "unresolved-contact", "unresolved-link", "unresolved-reason", "unresolved-retry", "unresolved-dismiss"],
  ];
  for (const id of ids) expect(html).toContain(`data-testid="${id}"`);
  expect(html).toContain('href="http://shell.test/sandbox/contacts/ct_1"');
  expect(html).toContain("Sunrise Dental");
});

it("says so when nothing is unresolved", () => {
  const client = new QueryClient();
  client.setQueryData(crmKeys.status(), { ...status, unresolved: 0 });
  client.setQueryData(crmKeys.unresolved(), { pages: [{ items: [], total: 0, nextCursor: null }], pageParams: [null] });
  const html = render(client);
  expect(html).toContain('data-testid="unresolved-empty"');
  expect(html).not.toContain('data-testid="unresolved-retry-all"');
});
