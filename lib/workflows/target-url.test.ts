import { checkTriggerTarget, type TargetConfig } from "@/lib/workflows/target-url";

const highlevel: TargetConfig = { appUrl: "https://links.example.com", crm: { mode: "highlevel", apiBase: "https://services.leadconnectorhq.com" } };
const sandbox: TargetConfig = { appUrl: "http://localhost:3000", crm: { mode: "sandbox", apiBase: "http://localhost:3000/sandbox/crm" } };

describe("checkTriggerTarget", () => {
  it.each([
    "https://services.leadconnectorhq.com/workflows-marketplace/triggers/execute/abc/def",
    "https://SERVICES.leadconnectorhq.com:443/workflows-marketplace/triggers/execute/abc?x=1#frag",
  ])("accepts HighLevel's execute endpoint %s", (url) => {
    const checked = checkTriggerTarget(url, highlevel);
    expect(checked.problem).toBeNull();
    expect(checked.url).toMatch(/^https:\/\/services\.leadconnectorhq\.com\/workflows-marketplace\/triggers\/execute\/abc/);
    expect(checked.url).not.toContain("#");
  });

  it.each([
    ["http://services.leadconnectorhq.com/workflows-marketplace/triggers/execute/a", "plain http"],
    ["https://services.leadconnectorhq.com:8443/workflows-marketplace/triggers/execute/a", "another port"],
    ["https://services.leadconnectorhq.com/workflows-marketplace/triggers/execute/", "no trigger"],
    ["https://services.leadconnectorhq.com/contacts/abc", "another API path"],
    ["https://services.leadconnectorhq.com/workflows-marketplace/triggers/execute/../../contacts/x", "a path that climbs out"],
    ["https://services.leadconnectorhq.com/workflows-marketplace/triggers/execute/%2e%2e/%2e%2e/contacts", "an encoded climb"],
    ["https://services.leadconnectorhq.com.evil.example/workflows-marketplace/triggers/execute/a", "a look-alike host"],
    ["https://evil.example/workflows-marketplace/triggers/execute/a", "another host"],
    ["https://user:pw@services.leadconnectorhq.com/workflows-marketplace/triggers/execute/a", "credentials"],
    ["http://169.254.169.254/latest/meta-data", "cloud metadata"],
    ["http://localhost:3000/sandbox/crm/workflows-marketplace/triggers/execute/a/b", "the sandbox outside sandbox mode"],
    ["not a url", "garbage"],
  ])("refuses %s (%s)", (url) => {
    expect(checkTriggerTarget(url, highlevel)).toMatchObject({ url: null, problem: expect.any(String) });
  });

  it("accepts the sandbox's own execute endpoint in sandbox mode only", () => {
    const url = "http://localhost:3000/sandbox/crm/workflows-marketplace/triggers/execute/wf/tr";
    expect(checkTriggerTarget(url, sandbox)).toEqual({ url, problem: null });
    expect(checkTriggerTarget("http://localhost:3000/sandbox/crm/contacts/x", sandbox).problem).not.toBeNull();
    expect(checkTriggerTarget("http://localhost:3001/sandbox/crm/workflows-marketplace/triggers/execute/wf/tr", sandbox).problem).not.toBeNull();
    expect(checkTriggerTarget("http://localhost:3000/api/v1/links", sandbox).problem).not.toBeNull();
  });
});
