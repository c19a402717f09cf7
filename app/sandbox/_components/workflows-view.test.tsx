/**
 * The sandbox workflows page renders from its query cache (server-rendered here; the control
 * API and the callbacks behind it are covered by tests/integration/workflows.test.ts): the
 * workflows with their filters, the live executions, the action form, and the agency and
 * "not installed" states.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { ToastProvider } from "@/app/_components/ui/toast";
import { sandboxKeys, type SandboxState } from "@/app/sandbox/_components/api";
import { SandboxProvider } from "@/app/sandbox/_components/sandbox-context";
import { WorkflowsView } from "@/app/sandbox/_components/workflows-view";
import { workflowKeys, type SandboxFilterOptions, type SandboxTriggerEventDto, type SandboxWorkflowDto } from "@/app/sandbox/_components/workflows-api";

let search = new URLSearchParams();
jest.mock("next/navigation", () => ({
  useRouter: () => ({ push: () => {}, refresh: () => {} }),
  usePathname: () => "/sandbox/workflows",
  useSearchParams: () => search,
}));

const state: SandboxState = {
  agency: { id: "sbx_agency", name: "Brightline Agency" },
  locations: [
    { id: "loc_a", name: "Sunrise Dental", installed: true, plan: "pro", users: [{ id: "u1", name: "Maya Chen", email: "maya@example.com", role: "admin", type: "account" }], contactIds: ["ct_1"] },
    { id: "loc_b", name: "Maple Realty", installed: false, plan: null, users: [{ id: "u2", name: "Grace", email: "grace@example.com", role: "admin", type: "account" }], contactIds: [] },
  ],
};
const now = new Date().toISOString();
const workflow: SandboxWorkflowDto = {
  id: "wf_1",
  locationId: "loc_a",
  name: "VIP clicked",
  triggerKey: "smart_link_clicked",
  triggerId: "tr_1",
  filters: [{ field: "tag", title: "Tag", values: ["vip"] }, { field: "link", title: "Link", values: ["lnk_1"] }],
  isActive: true,
  createdAt: now,
  eventCount: 1,
  lastEventAt: now,
};
const options: SandboxFilterOptions = { link: [{ label: "Spring offer (https://s.test/spring)", value: "lnk_1" }], tag: [{ label: "vip", value: "vip" }], campaign: [] };
const event: SandboxTriggerEventDto = {
  id: 1,
  workflowId: "wf_1",
  workflowName: "VIP clicked",
  contactId: "ct_1",
  contactName: "Olivia Johnson",
  link: { id: "lnk_1", shortUrl: "https://s.test/spring", title: "Spring offer" },
  receivedAt: now,
  payload: { contactId: "ct_1", click: { city: "Austin", country: "US", device: "mobile", source: "sms" } },
};

function render(location: string, seed: (client: QueryClient) => void = () => {}): string {
  search = new URLSearchParams({ location });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(sandboxKeys.state(), state);
  seed(client);
  return renderToString(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <SandboxProvider>
          <WorkflowsView />
        </SandboxProvider>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

describe("WorkflowsView", () => {
  it("shows the location's workflows, executions and the action form", () => {
    const html = render("loc_a", (client) => {
      client.setQueryData(workflowKeys.list("loc_a"), { workflows: [workflow] });
      client.setQueryData(workflowKeys.options("loc_a"), options);
      client.setQueryData(workflowKeys.events("loc_a"), { events: [event] });
      client.setQueryData(sandboxKeys.contactList("loc_a", ""), { contacts: [{ id: "ct_1", firstName: "Olivia", lastName: "Johnson", email: "o@example.com", phone: "", tags: [] }], total: 1 });
    });
    expect(html).toContain('data-testid="sandbox-workflows-page"');
    expect(html).toContain('data-testid="sandbox-workflow-row"');
    expect(html).toContain("VIP clicked");
    expect(html).toContain("Tag: vip");
    expect(html).toContain("Link: Spring offer (https://s.test/spring)");
    expect(html).toContain('data-testid="sandbox-trigger-event-row"');
    expect(html).toContain("Olivia Johnson");
    expect(html).toContain("Austin · US · mobile · sms");
    expect(html).toContain('data-testid="sandbox-run-action-form"');
    expect(html).toContain("Olivia Johnson · o@example.com");
  });

  it("shows skeletons, then empty states, without data", () => {
    expect(render("loc_a")).toContain("Loading workflows…");
    const empty = render("loc_a", (client) => {
      client.setQueryData(workflowKeys.list("loc_a"), { workflows: [] });
      client.setQueryData(workflowKeys.events("loc_a"), { events: [] });
    });
    expect(empty).toContain("No workflows yet");
    expect(empty).toContain("No executions yet");
  });

  it("asks to install the app where it is not installed, and to pick a sub-account in the agency view", () => {
    expect(render("loc_b")).toContain("Smart Links is not installed in Maple Realty");
    expect(render("agency")).toContain("Pick a sub-account");
  });
});
