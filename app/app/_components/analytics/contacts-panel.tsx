"use client";

import { memo } from "react";
import { ExternalIcon } from "@/app/_components/icons";
import { useAnalyticsSlice, type AnalyticsQuery } from "@/app/app/_components/analytics/analytics-data";
import { formatCount, formatRate, formatShare, plural } from "@/app/app/_components/analytics/labels";
import { ListSkeleton, Panel, QuietEmpty } from "@/app/app/_components/analytics/panel";
import { crmContactUrl, type CrmLinkConfig } from "@/lib/crm-status/contact-url";
import type { Analytics } from "@/lib/analytics/types";

/** Where a contact opens in the CRM (the sandbox shell or HighLevel), for the workspace's location. */
export type ContactLinks = { config: CrmLinkConfig; locationId: string };

const selectContacts = (d: Analytics) => ({
  total: d.totals.clicks,
  identifiedClicks: d.totals.identifiedClicks,
  uniqueContacts: d.totals.uniqueContacts,
  topContacts: d.topContacts,
  perContact: d.perContact,
});

function initialsOf(name: string | null): string {
  if (!name) return "?";
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="an-figure">
      <span className="an-figure-label">{label}</span>
      <span className="an-figure-value" data-testid={testId}>
        {value}
      </span>
      {hint ? <span className="an-figure-hint">{hint}</span> : null}
    </div>
  );
}

/**
 * Clicks from known CRM contacts: how many, by whom (names from the CRM), and — for links minted
 * per contact by the message API or the workflow action — links sent, contacts reached and CTR.
 */
export const ContactsPanel = memo(function ContactsPanel({ q, contactLinks }: { q: AnalyticsQuery; contactLinks?: ContactLinks }) {
  const { data, isPlaceholderData } = useAnalyticsSlice(q, selectContacts);
  const max = data?.topContacts[0]?.clicks ?? 0;
  const per = data?.perContact;
  return (
    <Panel
      title="CRM contact engagement"
      description="Clicks from contacts your CRM knows (per-contact links)"
      isStale={isPlaceholderData}
      isLoading={!data}
      testId="panel-contacts"
    >
      {!data || !per ? (
        <ListSkeleton rows={4} />
      ) : (
        <div className="an-contacts">
          <div className="an-figures">
            <Figure
              label="Identified clicks"
              value={formatCount(data.identifiedClicks)}
              hint={data.total > 0 ? `${formatShare(data.identifiedClicks, data.total)} of clicks` : undefined}
              testId="contacts-identified"
            />
            <Figure label="Unique contacts" value={formatCount(data.uniqueContacts)} testId="contacts-unique" />
            {per.linksSent > 0 ? (
              <>
                <Figure label="Links sent" value={formatCount(per.linksSent)} hint="Minted per contact" testId="contacts-links-sent" />
                <Figure label="Contacts reached" value={formatCount(per.contactsReached)} hint="Clicked their link" testId="contacts-reached" />
                <Figure
                  label="Click-through rate"
                  value={formatRate(per.clickThroughRate)}
                  hint={`${formatCount(per.linksClicked)} of ${plural(per.linksSent, "link", "links")} clicked`}
                  testId="contacts-ctr"
                />
              </>
            ) : null}
          </div>
          <h3 className="an-subhead">Top contacts</h3>
          {data.topContacts.length === 0 ? (
            <QuietEmpty>
              No known contact clicked in this window. Send links from your CRM with the contact merged in (<code>?c=&#123;&#123;contact.id&#125;&#125;</code>)
              or use the “Shorten links for contact” workflow action.
            </QuietEmpty>
          ) : (
            <ol className="an-contact-list" data-testid="top-contacts">
              {data.topContacts.map((c) => {
                const href = contactLinks ? crmContactUrl(contactLinks.config, contactLinks.locationId, c.contactId) : null;
                return (
                  <li key={c.contactId} className="an-contact" data-testid="top-contact-row">
                    <span className={c.name ? "an-avatar" : "an-avatar is-unknown"} aria-hidden="true">
                      {initialsOf(c.name)}
                    </span>
                    <span className="an-contact-text">
                      <span className="an-contact-name">{c.name ?? "Unknown contact"}</span>
                      {c.name ? null : <span className="an-contact-id">{c.contactId}</span>}
                    </span>
                    <span className="an-contact-bar" aria-hidden="true">
                      <span style={{ width: `${max > 0 ? Math.max(4, (c.clicks / max) * 100) : 0}%` }} />
                    </span>
                    <span className="an-contact-clicks">{plural(c.clicks, "click", "clicks")}</span>
                    {href ? (
                      <a
                        href={href}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="btn btn-ghost btn-sm btn-icon"
                        aria-label={`Open ${c.name ?? "this contact"} in the CRM`}
                        title="Open in the CRM"
                      >
                        <ExternalIcon size={14} />
                      </a>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      )}
    </Panel>
  );
});
