"use client";

import { keepPreviousData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { CloseIcon, CopyIcon, InfoIcon, LinkIcon, PlusIcon, QrIcon, SearchIcon, TagIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { useToast } from "@/app/_components/ui/toast";
import { bulkLinksAction, deleteLinkAction, setLinkStatusAction } from "@/app/app/links/actions";
import { BulkMoveModal, BulkTagModal } from "@/app/app/links/_components/bulk-modals";
import { ConfirmModal } from "@/app/app/links/_components/confirm-modal";
import { CopyButton, useCopy } from "@/app/app/links/_components/copy-button";
import {
  ArchiveIcon,
  DownloadIcon,
  EditIcon,
  FolderIcon,
  TrashIcon,
  UnarchiveIcon,
  UploadIcon,
} from "@/app/app/links/_components/icons";
import { ImportModal } from "@/app/app/links/_components/import-modal";
import {
  fetchLinksPage,
  linkKeys,
  listQueryString,
  SORT_LABELS,
  STATUS_LABELS,
  STATUS_TONES,
  useSessionExpiry,
  type LinkFilters,
} from "@/app/app/links/_components/links-data";
import { QrModal } from "@/app/app/links/_components/qr-modal";
import { RowActions } from "@/app/app/links/_components/row-actions";
import { TagChips, tagColorsOf } from "@/app/app/links/_components/tag-chips";
import type { TagSuggestion } from "@/app/app/links/_components/tag-input";
import { LINK_SORTS, LINK_STATUSES, type BulkAction, type LinkDto, type LinkSort, type LinkStatusValue } from "@/lib/links/schemas";

export type LinksViewProps = {
  tags: readonly (TagSuggestion & { id: string })[];
  campaigns: readonly { id: string; name: string }[];
};

const SEARCH_DEBOUNCE_MS = 300;
/** Two chips fit the column; with more tags, one chip and "+N". */
const MAX_TAG_CHIPS = 2;

const formatCount = new Intl.NumberFormat("en-US").format;
const formatDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric" }).format;
const formatDayYear = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric" }).format;
const formatFull = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format;

function formatCreated(iso: string): string {
  const date = new Date(iso);
  return date.getFullYear() === new Date().getFullYear() ? formatDay(date) : formatDayYear(date);
}

/** "https://go.example.com/promo" → "go.example.com/promo": what people read and type. */
export function displayShortUrl(shortUrl: string): string {
  return shortUrl.replace(/^https?:\/\//, "");
}

function filtersOf(params: URLSearchParams): LinkFilters {
  const status = params.get("status") ?? "";
  const sort = params.get("sort") ?? "created";
  return {
    q: params.get("q") ?? "",
    tag: params.get("tag") ?? "",
    campaignId: params.get("campaignId") ?? "",
    status: (LINK_STATUSES as readonly string[]).includes(status) ? (status as LinkStatusValue) : "",
    sort: (LINK_SORTS as readonly string[]).includes(sort) ? (sort as LinkSort) : "created",
  };
}

type Pending = { kind: "delete"; ids: string[]; label: string } | { kind: "tag" } | { kind: "move" } | null;

export function LinksView({ tags, campaigns }: LinksViewProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const queryClient = useQueryClient();
  const toast = useToast();
  const copy = useCopy();
  const onExpired = useSessionExpiry();

  const filters = useMemo(() => filtersOf(new URLSearchParams(searchParams.toString())), [searchParams]);
  const hasFilters = Boolean(filters.q || filters.tag || filters.campaignId || filters.status);

  const [selected, setSelected] = useState<Set<string>>(new Set());

  // The search box is local while typing and lands in the URL (`?q=`) after a pause.
  const [search, setSearch] = useState(filters.q);
  const lastPushed = useRef(filters.q);
  useEffect(() => {
    if (filters.q !== lastPushed.current) {
      lastPushed.current = filters.q;
      setSearch(filters.q);
    }
  }, [filters.q]);

  // The URL updates asynchronously: merge onto the last filters we asked for, not a stale render's.
  const latestFilters = useRef(filters);
  useEffect(() => {
    latestFilters.current = filters;
  }, [filters]);

  function setFilters(next: Partial<LinkFilters>) {
    const merged = { ...latestFilters.current, ...next };
    latestFilters.current = merged;
    const qs = listQueryString(merged).replace(/(^|&)limit=\d+/, "");
    if (next.q !== undefined) lastPushed.current = merged.q.trim();
    setSelected(new Set());
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  useEffect(() => {
    if (search.trim() === filters.q.trim()) return;
    const timer = window.setTimeout(() => setFilters({ q: search }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setFilters reads the latest filters
  }, [search]);

  const query = useInfiniteQuery({
    queryKey: linkKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchLinksPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  useEffect(() => {
    if (query.error) onExpired(query.error);
  }, [query.error, onExpired]);

  const links = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const visibleSelected = links.filter((l) => selected.has(l.id));
  const allSelected = links.length > 0 && visibleSelected.length === links.length;
  const headerCheckbox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headerCheckbox.current) headerCheckbox.current.indeterminate = visibleSelected.length > 0 && !allSelected;
  }, [visibleSelected.length, allSelected]);

  const [qrLink, setQrLink] = useState<LinkDto | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const tagColors = useMemo(() => tagColorsOf(tags), [tags]);

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: linkKeys.all });
    router.refresh(); // tag and campaign counts on the server-rendered filters
  }

  async function setStatus(link: LinkDto, status: "active" | "archived") {
    const result = await setLinkStatusAction(link.id, status);
    if (onExpired(result)) return;
    if (!result.ok) {
      toast({ title: status === "archived" ? "Could not archive" : "Could not restore", description: result.message, tone: "error" });
      return;
    }
    toast({
      title: status === "archived" ? "Link archived" : "Link restored",
      description: status === "archived" ? `${displayShortUrl(link.shortUrl)} now shows an “unavailable” page.` : displayShortUrl(link.shortUrl),
      tone: "success",
    });
    await refresh();
  }

  async function runBulk(action: BulkAction, extra: { tags?: string[]; campaignId?: string | null } = {}): Promise<boolean> {
    const ids = [...selected];
    setBusy(true);
    const result = await bulkLinksAction({ ids, action, ...extra });
    setBusy(false);
    if (onExpired(result)) return false;
    if (!result.ok) {
      toast({ title: "The links were not changed", description: result.message, tone: "error" });
      return false;
    }
    const n = result.data.count;
    const noun = n === 1 ? "link" : "links";
    const titles: Record<BulkAction, string> = {
      tag: `Tagged ${n} ${noun}`,
      untag: `Untagged ${n} ${noun}`,
      move: `Moved ${n} ${noun}`,
      archive: `Archived ${n} ${noun}`,
      unarchive: `Restored ${n} ${noun}`,
      delete: `Deleted ${n} ${noun}`,
    };
    toast({ title: titles[action], tone: "success" });
    setSelected(new Set());
    await refresh();
    return true;
  }

  async function confirmDelete(ids: string[]) {
    if (ids.length === 1 && !selected.has(ids[0] ?? "")) {
      setBusy(true);
      const result = await deleteLinkAction(ids[0] ?? "");
      setBusy(false);
      if (onExpired(result)) return;
      if (!result.ok) {
        toast({ title: "Could not delete", description: result.message, tone: "error" });
        return;
      }
      toast({ title: "Link deleted", tone: "success" });
      setPending(null);
      await refresh();
      return;
    }
    if (await runBulk("delete")) setPending(null);
  }

  function toggle(id: string) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const exportHref = `/api/v1/links/export?${listQueryString(filters).replace(/(^|&)limit=\d+/, "")}`;
  const isFirstLoad = query.isPending;
  const isEmptyWorkspace = !hasFilters && query.isSuccess && links.length === 0;

  const header = (
    <div className="page-header">
      <div className="page-title">
        <h1>Links</h1>
        <p className="muted">Branded short links with smart routing, protection and CRM automation.</p>
      </div>
      {/* The empty state carries its own actions: no second set up here. */}
      {isEmptyWorkspace ? null : (
        <div className="page-actions">
          <Button icon={<UploadIcon size={16} />} onClick={() => setImportOpen(true)} data-testid="import-open">
            Import CSV
          </Button>
          <a className="btn btn-secondary" href={exportHref} download data-testid="export-csv">
            <DownloadIcon size={16} />
            Export CSV
          </a>
          <Button href="/app/links/new" variant="primary" icon={<PlusIcon size={16} />} data-testid="create-link">
            Create link
          </Button>
        </div>
      )}
    </div>
  );

  const modals = (
    <>
      {qrLink ? <QrModal open onClose={() => setQrLink(null)} shortUrl={qrLink.shortUrl} slug={qrLink.slug} /> : null}
      <ImportModal
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onImported={() => {
          void refresh();
        }}
      />
      <ConfirmModal
        open={pending?.kind === "delete"}
        title={pending?.kind === "delete" && pending.ids.length > 1 ? `Delete ${pending.ids.length} links?` : "Delete this link?"}
        description={pending?.kind === "delete" ? pending.label : undefined}
        confirmLabel="Delete"
        danger
        busy={busy}
        onClose={() => setPending(null)}
        onConfirm={() => {
          if (pending?.kind === "delete") void confirmDelete(pending.ids);
        }}
      >
        <p className="muted">
          The short URL stops working at once and its clicks are removed from analytics. This cannot be undone — archive the link instead
          to keep its history.
        </p>
      </ConfirmModal>
      <BulkTagModal
        open={pending?.kind === "tag"}
        count={selected.size}
        suggestions={tags}
        busy={busy}
        onClose={() => setPending(null)}
        onSubmit={async (names) => {
          if (await runBulk("tag", { tags: names })) setPending(null);
        }}
      />
      <BulkMoveModal
        open={pending?.kind === "move"}
        count={selected.size}
        campaigns={campaigns}
        busy={busy}
        onClose={() => setPending(null)}
        onSubmit={async (campaignId) => {
          if (await runBulk("move", { campaignId })) setPending(null);
        }}
      />
    </>
  );

  if (isEmptyWorkspace) {
    return (
      <div className="page links-page">
        {header}
        <Card className="hero-accent">
          <EmptyState
            icon={<LinkIcon size={24} />}
            title="No links yet — create your first short link"
            description="Paste a long URL and get a short one you can copy, share by SMS, email or WhatsApp, and turn into a QR code. Clicks, tags and campaigns show up here."
            actions={
              <>
                <Button href="/app/links/new" variant="primary" icon={<PlusIcon size={16} />} data-testid="create-link">
                  Create link
                </Button>
                <Button icon={<UploadIcon size={16} />} onClick={() => setImportOpen(true)} data-testid="import-open">
                  Import CSV
                </Button>
              </>
            }
          >
            <ul className="feature-list">
              <li>Random or custom slugs, with UTM fields merged in</li>
              <li>Country, device and A/B routing (Pro)</li>
              <li>Expiry, click limits, passwords (Pro) and lead capture</li>
              <li>Tags added to the CRM contact who clicks</li>
            </ul>
          </EmptyState>
        </Card>
        {modals}
      </div>
    );
  }

  return (
    <div className="page links-page">
      {header}
      <Card className="links-card">
        {selected.size > 0 ? (
          <div className="links-bulkbar" role="region" aria-label="Bulk actions" data-testid="bulk-bar">
            <span className="links-bulkbar-count" aria-live="polite">
              {selected.size} selected
            </span>
            <div className="links-bulkbar-actions">
              <Button size="sm" icon={<TagIcon size={15} />} onClick={() => setPending({ kind: "tag" })}>
                Add tag
              </Button>
              <Button size="sm" icon={<FolderIcon size={15} />} onClick={() => setPending({ kind: "move" })}>
                Move to campaign
              </Button>
              <Button size="sm" icon={<ArchiveIcon size={15} />} loading={busy} onClick={() => void runBulk("archive")}>
                Archive
              </Button>
              <Button
                size="sm"
                className="btn-danger-soft"
                icon={<TrashIcon size={15} />}
                onClick={() =>
                  setPending({
                    kind: "delete",
                    ids: [...selected],
                    label: `${selected.size} selected ${selected.size === 1 ? "link" : "links"} will be deleted.`,
                  })
                }
              >
                Delete
              </Button>
            </div>
            <Button size="sm" variant="ghost" iconOnly aria-label="Clear selection" onClick={() => setSelected(new Set())}>
              <CloseIcon size={16} />
            </Button>
          </div>
        ) : (
          <div className="links-toolbar" role="search">
            <label htmlFor="links-search" className="sr-only">
              Search links
            </label>
            <Input
              id="links-search"
              type="search"
              icon={<SearchIcon size={16} />}
              placeholder="Search short URL, destination or title"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              className="links-search"
              data-testid="links-search"
            />
            <div className="links-filters">
              <label className="sr-only" htmlFor="filter-tag">
                Tag
              </label>
              <Select
                id="filter-tag"
                placeholder="All tags"
                value={filters.tag}
                onChange={(e) => setFilters({ tag: e.target.value })}
                options={tags.map((t) => ({ value: t.name, label: t.name }))}
              />
              <label className="sr-only" htmlFor="filter-campaign">
                Campaign
              </label>
              <Select
                id="filter-campaign"
                placeholder="All campaigns"
                value={filters.campaignId}
                onChange={(e) => setFilters({ campaignId: e.target.value })}
                options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
              />
              <label className="sr-only" htmlFor="filter-status">
                Status
              </label>
              <Select
                id="filter-status"
                placeholder="Any status"
                value={filters.status}
                onChange={(e) => setFilters({ status: e.target.value as LinkStatusValue | "" })}
                options={LINK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
                data-testid="filter-status"
              />
              <label className="sr-only" htmlFor="sort">
                Sort by
              </label>
              <Select
                id="sort"
                value={filters.sort}
                onChange={(e) => setFilters({ sort: e.target.value as LinkSort })}
                options={LINK_SORTS.map((s) => ({ value: s, label: `Sort: ${SORT_LABELS[s]}` }))}
              />
            </div>
          </div>
        )}

        {query.isError && links.length === 0 ? (
          <EmptyState
            compact
            icon={<InfoIcon size={22} />}
            title="The links could not be loaded"
            description={query.error.message}
            actions={
              <Button variant="primary" onClick={() => void query.refetch()} loading={query.isFetching}>
                Try again
              </Button>
            }
          />
        ) : isFirstLoad ? (
          <LinksSkeleton />
        ) : links.length === 0 ? (
          <EmptyState
            compact
            icon={<SearchIcon size={22} />}
            title="No links match these filters"
            description={filters.q ? `Nothing matches “${filters.q}” with the filters you picked.` : "Try another tag, campaign or status."}
            actions={
              <Button
                onClick={() => {
                  setSearch("");
                  setFilters({ q: "", tag: "", campaignId: "", status: "" });
                }}
              >
                Clear filters
              </Button>
            }
          />
        ) : (
          <div className="table-wrap links-table-wrap" aria-busy={query.isFetching || undefined}>
            <table className="table links-table" data-testid="links-table">
              <caption className="sr-only">Links{hasFilters ? " (filtered)" : ""}</caption>
              <thead>
                <tr>
                  <th scope="col" className="col-check">
                    <input
                      ref={headerCheckbox}
                      type="checkbox"
                      className="checkbox"
                      aria-label="Select all links shown"
                      checked={allSelected}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(links.map((l) => l.id)))}
                    />
                  </th>
                  <th scope="col" className="col-link">
                    Link
                  </th>
                  <th scope="col" className="col-tags">
                    Tags
                  </th>
                  <th scope="col" className="col-campaign">
                    Campaign
                  </th>
                  <th scope="col" className="col-status">
                    Status
                  </th>
                  <th scope="col" className="col-num">
                    Clicks
                  </th>
                  <th scope="col" className="col-date">
                    Created
                  </th>
                  <th scope="col" className="col-actions">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {links.map((link) => {
                  const short = displayShortUrl(link.shortUrl);
                  const isSelected = selected.has(link.id);
                  return (
                    <tr key={link.id} className={isSelected ? "is-selected" : undefined} data-testid="link-row" data-link-id={link.id}>
                      <td className="col-check">
                        <input
                          type="checkbox"
                          className="checkbox"
                          aria-label={`Select ${short}`}
                          checked={isSelected}
                          onChange={() => toggle(link.id)}
                        />
                      </td>
                      <td className="col-link">
                        <div className="link-cell">
                          <span className="link-favicon" aria-hidden="true">
                            <LinkIcon size={15} />
                          </span>
                          <div className="link-cell-text">
                            <div className="link-short">
                              <Link href={`/app/links/${link.id}`} className="link-short-url" data-testid="link-short-url" title={`Edit ${short}`}>
                                {/* The host gives way first: the slug is what tells links apart. */}
                                <span className="link-short-host">{short.slice(0, short.length - link.slug.length)}</span>
                                <span className="link-short-slug">{link.slug}</span>
                              </Link>
                              <CopyButton text={link.shortUrl} label={`Copy ${short}`} />
                            </div>
                            <div className="link-sub">
                              {link.title ? <span className="link-title">{link.title}</span> : null}
                              <span className="link-dest" title={link.destination}>
                                <span aria-hidden="true">↳ </span>
                                <span className="sr-only">Goes to </span>
                                {link.destination.replace(/^https?:\/\//, "")}
                              </span>
                            </div>
                          </div>
                        </div>
                      </td>
                      <td className={`col-tags${link.tags.length === 0 ? " is-empty" : ""}`}>
                        <TagChips names={link.tags} colors={tagColors} max={MAX_TAG_CHIPS} />
                      </td>
                      <td className={`col-campaign${link.campaign ? "" : " is-empty"}`}>
                        {link.campaign ? (
                          <span className="link-campaign" title={link.campaign.name}>
                            <FolderIcon size={14} />
                            {link.campaign.name}
                          </span>
                        ) : (
                          <span className="subtle" aria-label="No campaign">
                            —
                          </span>
                        )}
                      </td>
                      <td className="col-status">
                        <Badge tone={STATUS_TONES[link.status]} testId="link-status">
                          {STATUS_LABELS[link.status]}
                        </Badge>
                      </td>
                      <td className="col-num">
                        <span className="link-clicks">
                          {formatCount(link.clicks)}
                          <span className="link-clicks-unit"> {link.clicks === 1 ? "click" : "clicks"}</span>
                        </span>
                      </td>
                      <td className="col-date">
                        <time dateTime={link.createdAt} title={formatFull(new Date(link.createdAt))}>
                          {formatCreated(link.createdAt)}
                        </time>
                      </td>
                      <td className="col-actions">
                        <RowActions
                          name={short}
                          analyticsHref={`/app/links/${link.id}/analytics`}
                          analyticsTestId="link-analytics"
                          menuTestId="link-menu"
                          items={[
                            { label: "Edit", icon: <EditIcon size={15} />, onSelect: () => router.push(`/app/links/${link.id}`), testId: "menu-edit" },
                            { label: "Copy short link", icon: <CopyIcon size={15} />, onSelect: () => void copy(link.shortUrl) },
                            { label: "QR code", icon: <QrIcon size={15} />, onSelect: () => setQrLink(link), testId: "menu-qr" },
                            link.status === "archived"
                              ? { label: "Restore", icon: <UnarchiveIcon size={15} />, onSelect: () => void setStatus(link, "active"), testId: "menu-unarchive" }
                              : { label: "Archive", icon: <ArchiveIcon size={15} />, onSelect: () => void setStatus(link, "archived"), testId: "menu-archive" },
                            {
                              label: "Delete",
                              icon: <TrashIcon size={15} />,
                              danger: true,
                              testId: "menu-delete",
                              onSelect: () => setPending({ kind: "delete", ids: [link.id], label: short }),
                            },
                          ]}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {links.length > 0 ? (
          <div className="links-footer">
            <span className="subtle" aria-live="polite">
              {query.hasNextPage ? `Showing the first ${formatCount(links.length)} links` : `${formatCount(links.length)} ${links.length === 1 ? "link" : "links"}`}
              {hasFilters ? " matching your filters" : ""}
            </span>
            {query.hasNextPage ? (
              <Button size="sm" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid="load-more">
                Load more
              </Button>
            ) : null}
            {query.isError ? (
              <span className="field-error" role="alert">
                {query.error.message}{" "}
                <button type="button" className="linklike" onClick={() => void query.refetch()}>
                  Retry
                </button>
              </span>
            ) : null}
          </div>
        ) : null}
      </Card>
      {modals}
    </div>
  );
}

function LinksSkeleton() {
  return (
    <div className="links-skeleton" aria-busy="true" aria-label="Loading links">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="links-skeleton-row">
          <Skeleton width={16} height={16} radius={4} />
          <div className="stack" style={{ gap: 6, flex: 1 }}>
            <Skeleton width={`${40 + ((i * 13) % 30)}%`} height={14} />
            <Skeleton width={`${55 + ((i * 7) % 25)}%`} height={11} />
          </div>
          <Skeleton width={70} height={20} radius={999} />
          <Skeleton width={40} height={14} />
        </div>
      ))}
    </div>
  );
}
