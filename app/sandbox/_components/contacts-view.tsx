"use client";

/** The sub-account's contacts, searchable; the app's tags show here as it writes them. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ContactIcon, SearchIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Input } from "@/app/_components/ui/input";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { Table, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { contactName, sandboxApi, sandboxKeys, type SandboxContactSummary } from "@/app/sandbox/_components/api";
import { LoadError } from "@/app/sandbox/_components/load-error";
import { PickLocation } from "@/app/sandbox/_components/pick-location";
import { useSelection } from "@/app/sandbox/_components/sandbox-context";
import { initialsOf } from "@/app/sandbox/_components/shell";
import { TagChips } from "@/app/sandbox/_components/tag-chips";

const SEARCH_DEBOUNCE_MS = 300;

export function ContactsView() {
  const { location } = useSelection();
  if (!location) {
    return (
      <div className="sbx-page">
        <PageHeader title="Contacts" description="Contacts belong to a sub-account." />
        <PickLocation icon={<ContactIcon size={24} />} title="Pick a sub-account" description="Each sub-account keeps its own contacts, with the tags and notes Smart Links writes on them." />
      </div>
    );
  }
  return <ContactList key={location.id} locationId={location.id} locationName={location.name} contactCount={location.contactIds.length} />;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function ContactList({ locationId, locationName, contactCount }: { locationId: string; locationName: string; contactCount: number }) {
  const { hrefFor } = useSelection();
  const router = useRouter();
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: sandboxKeys.contactList(locationId, q),
    queryFn: ({ signal }) => sandboxApi.contacts(locationId, q, signal),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
  const isSearching = query.isFetching && query.isPlaceholderData;

  return (
    <div className="sbx-page">
      <PageHeader
        title="Contacts"
        description={`${contactCount} ${contactCount === 1 ? "contact" : "contacts"} in ${locationName}.`}
      />
      <Card className="sbx-table-card">
        <div className="sbx-toolbar">
          <label htmlFor="sbx-contact-search" className="sr-only">
            Search contacts
          </label>
          <Input
            id="sbx-contact-search"
            type="search"
            icon={<SearchIcon size={16} />}
            placeholder="Search by name, email or phone"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="sandbox-contact-search"
            autoComplete="off"
          />
          {isSearching ? <span className="spinner sbx-toolbar-spinner" aria-hidden="true" /> : null}
          {q && query.data && !query.isPlaceholderData ? (
            <span className="sbx-toolbar-count" role="status">
              {query.data.total} {query.data.total === 1 ? "match" : "matches"}
            </span>
          ) : null}
        </div>
        {query.isPending ? (
          <ContactsSkeleton />
        ) : query.isError && !query.data ? (
          <LoadError title="Contacts could not be loaded" error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />
        ) : query.data.contacts.length === 0 ? (
          <EmptyState
            compact
            headingLevel={3}
            icon={<ContactIcon size={22} />}
            title={q ? "No contact matches" : "No contacts yet"}
            description={q ? `Nothing in ${locationName} matches “${q}”.` : `${locationName} has no contacts. Reset the sandbox to get the seed contacts back.`}
            actions={
              q ? (
                <Button variant="secondary" onClick={() => setSearch("")}>
                  Clear search
                </Button>
              ) : undefined
            }
          />
        ) : (
          <Table caption={`Contacts in ${locationName}`} className="sbx-contacts-table" aria-busy={isSearching || undefined}>
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Email</Th>
                <Th>Phone</Th>
                <Th>Tags</Th>
              </Tr>
            </THead>
            <TBody>
              {query.data.contacts.map((c) => (
                <ContactRow key={c.id} contact={c} href={hrefFor(`/sandbox/contacts/${encodeURIComponent(c.id)}`)} onOpen={(href) => router.push(href)} />
              ))}
            </TBody>
          </Table>
        )}
        {query.data && query.data.total > query.data.contacts.length ? (
          <p className="sbx-table-foot">
            Showing {query.data.contacts.length} of {query.data.total}. Narrow the search to find the others.
          </p>
        ) : null}
      </Card>
    </div>
  );
}

function ContactRow({ contact, href, onOpen }: { contact: SandboxContactSummary; href: string; onOpen: (href: string) => void }) {
  const name = contactName(contact);
  return (
    // The name is the keyboard and screen-reader way in; the row click is a mouse shortcut.
    <Tr className="sbx-row-link" onClick={() => onOpen(href)} data-testid="sandbox-contact-row">
      <Td>
        <span className="sbx-person">
          <span className="sbx-avatar sbx-avatar-sm" aria-hidden="true">
            {initialsOf(name)}
          </span>
          <Link href={href} className="sbx-person-name" onClick={(e) => e.stopPropagation()}>
            {name}
          </Link>
        </span>
      </Td>
      <Td className="sbx-cell-muted">{contact.email || "—"}</Td>
      <Td className="sbx-cell-muted sbx-nowrap">{contact.phone || "—"}</Td>
      <Td>
        <TagChips tags={contact.tags} max={3} />
      </Td>
    </Tr>
  );
}

function ContactsSkeleton() {
  return (
    <div className="sbx-skeleton-rows" aria-busy="true">
      <p className="sr-only" role="status">
        Loading contacts…
      </p>
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="sbx-skeleton-row">
          <Skeleton width={28} height={28} radius={14} />
          <Skeleton width="22%" height={12} />
          <Skeleton width="26%" height={12} />
          <Skeleton width="14%" height={12} />
          <Skeleton width="18%" height={12} />
        </div>
      ))}
    </div>
  );
}
