"use client";

/**
 * One contact as the CRM stores it: fields, tags, custom fields and the notes timeline (newest
 * first). Smart Links writes tags, notes and click fields here; the query refetches on window
 * focus so they appear when you come back from the app.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { ContactIcon, TagIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { contactName, describeError, sandboxApi, sandboxKeys, SandboxApiError, type SandboxContact } from "@/app/sandbox/_components/api";
import { AlertIcon, ArrowLeftIcon, MailIcon, NoteIcon, PhoneIcon } from "@/app/sandbox/_components/crm-icons";
import { formatAbsolute, formatFieldValue, formatRelative } from "@/app/sandbox/_components/format";
import { useSelection } from "@/app/sandbox/_components/sandbox-context";
import { initialsOf } from "@/app/sandbox/_components/shell";
import { TagChips } from "@/app/sandbox/_components/tag-chips";

/** Relative times ("2 minutes ago") are re-rendered this often. */
const CLOCK_TICK_MS = 30_000;

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function ContactDetail({ contactId }: { contactId: string }) {
  const { hrefFor, state } = useSelection();
  const query = useQuery({
    queryKey: sandboxKeys.contact(contactId),
    queryFn: ({ signal }) => sandboxApi.contact(contactId, signal),
    refetchOnWindowFocus: true,
    retry: (count, err) => !(err instanceof SandboxApiError && err.status === 404) && count < 1,
  });

  const back = (
    <Link href={hrefFor("/sandbox/contacts")} className="sbx-back">
      <ArrowLeftIcon size={16} /> All contacts
    </Link>
  );

  if (query.isPending) {
    return (
      <div className="sbx-page" aria-busy="true">
        {back}
        <p className="sr-only" role="status">
          Loading the contact…
        </p>
        <div className="sbx-person-head">
          <Skeleton width={56} height={56} radius={28} />
          <div className="stack" style={{ gap: 8, flex: 1 }}>
            <Skeleton width={220} height={20} />
            <Skeleton width={300} height={12} />
          </div>
        </div>
        <div className="sbx-detail-grid">
          <div className="sbx-skeleton-card">
            <Skeleton height={14} width="40%" />
            <Skeleton height={12} />
            <Skeleton height={12} width="70%" />
          </div>
          <div className="sbx-skeleton-card">
            <Skeleton height={14} width="30%" />
            <Skeleton height={40} />
            <Skeleton height={40} />
          </div>
        </div>
      </div>
    );
  }
  if (query.isError && !query.data) {
    const isMissing = query.error instanceof SandboxApiError && query.error.status === 404;
    return (
      <div className="sbx-page">
        {back}
        <div role="alert">
          <EmptyState
            icon={isMissing ? <ContactIcon size={24} /> : <AlertIcon size={24} />}
            title={isMissing ? "This contact does not exist" : "The contact could not be loaded"}
            description={isMissing ? "It may have been deleted, or the sandbox was reset." : describeError(query.error)}
            actions={
              isMissing ? (
                <Button variant="secondary" href={hrefFor("/sandbox/contacts")}>
                  Back to contacts
                </Button>
              ) : (
                <Button variant="secondary" loading={query.isFetching} onClick={() => void query.refetch()}>
                  Try again
                </Button>
              )
            }
          />
        </div>
      </div>
    );
  }

  const contact = query.data;
  const owner = state.locations.find((l) => l.id === contact.locationId);
  return (
    <div className="sbx-page" data-testid="sandbox-contact-detail">
      {back}
      <ContactHeader contact={contact} locationName={owner?.name ?? contact.locationId} isRefreshing={query.isFetching} />
      <div className="sbx-detail-grid">
        <div className="stack">
          <Card>
            <CardHeader title="Contact" as="h2" />
            <CardBody>
              <dl className="sbx-dl">
                <DlRow label="First name">{contact.firstName || "—"}</DlRow>
                <DlRow label="Last name">{contact.lastName || "—"}</DlRow>
                <DlRow label="Email">{contact.email || "—"}</DlRow>
                <DlRow label="Phone">{contact.phone || "—"}</DlRow>
                <DlRow label="Sub-account">{owner?.name ?? contact.locationId}</DlRow>
                <DlRow label="Contact id">
                  <code className="sbx-code">{contact.id}</code>
                </DlRow>
              </dl>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Tags" description="Smart Links adds tags when a contact clicks a link set to tag on click." />
            <CardBody>
              {contact.tags.length > 0 ? (
                <div data-testid="sandbox-contact-tags">
                  <TagChips tags={contact.tags} />
                </div>
              ) : (
                <p className="muted sbx-none">
                  <TagIcon size={15} /> No tags.
                </p>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Custom fields" />
            <CardBody>
              {contact.customFields.length > 0 ? (
                <dl className="sbx-dl" data-testid="sandbox-contact-fields">
                  {contact.customFields.map((f) => (
                    <DlRow key={f.id} label={f.name} hint={f.key}>
                      {formatFieldValue(f.value)}
                    </DlRow>
                  ))}
                </dl>
              ) : (
                <p className="muted sbx-none">No custom field has a value.</p>
              )}
            </CardBody>
          </Card>
        </div>
        <Notes notes={contact.notes} />
      </div>
    </div>
  );
}

function DlRow({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="sbx-dl-row">
      <dt title={hint}>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ContactHeader({ contact, locationName, isRefreshing }: { contact: SandboxContact; locationName: string; isRefreshing: boolean }) {
  const name = contactName(contact);
  return (
    <div className="sbx-person-head">
      <span className="sbx-avatar sbx-avatar-lg" aria-hidden="true">
        {initialsOf(name)}
      </span>
      <div className="sbx-person-head-text">
        <h1>{name}</h1>
        <p className="sbx-person-meta">
          {contact.email ? (
            <span>
              <MailIcon size={14} /> {contact.email}
            </span>
          ) : null}
          {contact.phone ? (
            <span>
              <PhoneIcon size={14} /> {contact.phone}
            </span>
          ) : null}
          <span className="subtle">{locationName}</span>
        </p>
      </div>
      {isRefreshing ? <span className="spinner sbx-refreshing" role="status" aria-label="Refreshing" /> : null}
    </div>
  );
}

function Notes({ notes }: { notes: SandboxContact["notes"] }) {
  const now = useNow();
  const sorted = [...notes].sort((a, b) => Date.parse(b.dateAdded) - Date.parse(a.dateAdded));
  return (
    <Card className="sbx-notes">
      <CardHeader title="Notes" description="Newest first. Smart Links writes a note when a contact clicks one of its links." badge={<span className="sbx-count">{notes.length}</span>} />
      {sorted.length === 0 ? (
        <EmptyState compact headingLevel={3} icon={<NoteIcon size={22} />} title="No notes yet" description="Notes the app writes on this contact show up here; this page refreshes when you come back to it." />
      ) : (
        <ol className="sbx-timeline" data-testid="sandbox-contact-notes">
          {sorted.map((n) => {
            const date = new Date(n.dateAdded);
            const isValid = !Number.isNaN(date.getTime());
            return (
              <li key={n.id} className="sbx-note">
                <span className="sbx-note-dot" aria-hidden="true" />
                <div className="sbx-note-body">
                  <p className="sbx-note-text">{n.body}</p>
                  {isValid ? (
                    <time dateTime={date.toISOString()} className="sbx-note-time" title={formatAbsolute(date)}>
                      {formatRelative(date, now)} · {formatAbsolute(date)}
                    </time>
                  ) : (
                    <span className="sbx-note-time">{n.dateAdded}</span>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
