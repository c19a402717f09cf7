/** Where a person sees a contact in the CRM: the sandbox shell's contact page, or HighLevel's. */
export type CrmLinkConfig = { mode: "sandbox" | "highlevel"; sandboxShellUrl: string };

export function crmContactUrl(config: CrmLinkConfig, locationId: string, contactId: string): string {
  const id = encodeURIComponent(contactId);
  if (config.mode === "sandbox") return `${config.sandboxShellUrl.replace(/\/+$/, "")}/sandbox/contacts/${id}`;
  return `https://app.gohighlevel.com/v2/location/${encodeURIComponent(locationId)}/contacts/detail/${id}`;
}
