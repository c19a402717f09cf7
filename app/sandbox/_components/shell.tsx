"use client";

/**
 * The sandbox CRM's frame: a dark sidebar (agency, sub-account switcher, navigation), a top bar
 * (page, "Sandbox CRM" badge, user switcher) and the content. Pages render only once the control
 * API's state has loaded; until then the content shows a skeleton, or the error with a retry.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { ChartIcon, ContactIcon, DashboardIcon, LinkIcon, SettingsIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { ToastProvider } from "@/app/_components/ui/toast";
import { describeError } from "@/app/sandbox/_components/api";
import { AlertIcon, BoltIcon, CalendarIcon, CardIcon, ChatIcon, FlaskIcon, FunnelIcon, ReceiptIcon, StoreIcon } from "@/app/sandbox/_components/crm-icons";
import { AGENCY, useSandbox } from "@/app/sandbox/_components/sandbox-context";

type NavItem = { path: string; label: string; icon: ReactNode; exact?: boolean; testId?: string };

/** What a CRM sidebar shows but the sandbox does not simulate: greyed out, not links. */
const DECORATIVE_NAV = [
  { label: "Dashboard", icon: <DashboardIcon /> },
  { label: "Conversations", icon: <ChatIcon /> },
  { label: "Calendars", icon: <CalendarIcon /> },
  { label: "Opportunities", icon: <FunnelIcon /> },
  { label: "Payments", icon: <CardIcon /> },
  { label: "Reporting", icon: <ChartIcon /> },
] as const;

const NAV: readonly NavItem[] = [
  { path: "/sandbox", label: "Smart Links", icon: <AppMark />, exact: true },
  { path: "/sandbox/contacts", label: "Contacts", icon: <ContactIcon /> },
  { path: "/sandbox/workflows", label: "Workflows", icon: <BoltIcon />, testId: "sandbox-nav-workflows" },
  { path: "/sandbox/marketplace", label: "Marketplace", icon: <StoreIcon /> },
  { path: "/sandbox/billing", label: "Billing", icon: <ReceiptIcon /> },
  { path: "/sandbox/settings", label: "Settings", icon: <SettingsIcon /> },
];

function isActive(item: NavItem, pathname: string): boolean {
  return item.exact ? pathname === item.path : pathname === item.path || pathname.startsWith(`${item.path}/`);
}

/** The Smart Links app icon, as a CRM shows an installed app's custom page. */
export function AppMark({ size = 20 }: { size?: number }) {
  return (
    <span className="sbx-app-mark" style={{ width: size, height: size }} aria-hidden="true">
      <LinkIcon size={Math.round(size * 0.62)} strokeWidth={2.4} />
    </span>
  );
}

export function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "");
  return letters.join("") || "?";
}

export function SandboxShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const current = NAV.find((item) => isActive(item, pathname));
  return (
    <div className="sbx">
      <ToastProvider>
        <a href="#sbx-main" className="skip-link">
          Skip to content
        </a>
        <Sidebar pathname={pathname} />
        <TopBar title={current?.label ?? "Sandbox CRM"} />
        <main className="sbx-main" id="sbx-main" tabIndex={-1}>
          <ShellContent>{children}</ShellContent>
        </main>
      </ToastProvider>
    </div>
  );
}

function Sidebar({ pathname }: { pathname: string }) {
  const { query, selection, hrefFor, selectLocation } = useSandbox();
  const location = selection?.location ?? null;
  const placeholder = query.isError ? "Unavailable" : "Loading…";
  return (
    <aside className="sbx-side">
      <div className="sbx-side-head">
        <div className="sbx-org">
          <span className="sbx-org-mark" aria-hidden="true">
            {selection ? initialsOf(selection.state.agency.name) : ""}
          </span>
          <span className="sbx-org-text">
            <span className="sbx-org-name">{selection?.state.agency.name ?? (query.isError ? "Sandbox CRM" : "Loading agency…")}</span>
            <span className="sbx-org-kind">Agency</span>
          </span>
        </div>
        <div className="sbx-switcher">
          <label className="sbx-side-label" htmlFor="sbx-location">
            Sub-account
          </label>
          <select
            id="sbx-location"
            className="sbx-switcher-select"
            data-testid="sandbox-location-switcher"
            value={selection ? (location?.id ?? AGENCY) : ""}
            disabled={!selection}
            onChange={(e) => selectLocation(e.target.value)}
          >
            {selection ? (
              <>
                <option value={AGENCY}>Agency view</option>
                <optgroup label="Sub-accounts">
                  {selection.state.locations.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </optgroup>
              </>
            ) : (
              <option value="">{placeholder}</option>
            )}
          </select>
          {selection ? (
            <span className="sbx-side-meta" data-testid="sandbox-location-meta">
              {location ? (
                <>
                  <span className={`sbx-dot ${location.installed ? "is-on" : ""}`} aria-hidden="true" />
                  {location.installed ? `Smart Links · ${location.plan === "pro" ? "Pro" : location.plan === "starter" ? "Starter" : "no plan"}` : "Smart Links not installed"}
                </>
              ) : (
                `${selection.state.locations.length} sub-accounts`
              )}
            </span>
          ) : null}
        </div>
      </div>

      <nav className="sbx-nav" aria-label="CRM">
        <ul className="sbx-nav-list sbx-nav-decorative" aria-hidden="true">
          {DECORATIVE_NAV.map((item) => (
            <li key={item.label}>
              <span className="sbx-nav-item" title="Not simulated by the sandbox CRM">
                {item.icon}
                <span>{item.label}</span>
              </span>
            </li>
          ))}
        </ul>
        <ul className="sbx-nav-list">
          {NAV.map((item) => (
            <li key={item.path}>
              <Link href={hrefFor(item.path)} className="sbx-nav-item" aria-current={isActive(item, pathname) ? "page" : undefined} data-testid={item.testId}>
                {item.icon}
                <span>{item.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <p className="sbx-side-foot">
        <FlaskIcon size={14} /> A test double of a HighLevel-style CRM. Nothing here is real.
      </p>
    </aside>
  );
}

function TopBar({ title }: { title: string }) {
  const { query, selection, selectUser } = useSandbox();
  const user = selection?.user ?? null;
  const where = selection ? (selection.location?.name ?? `${selection.state.agency.name} · Agency view`) : null;
  return (
    <header className="sbx-top">
      <div className="sbx-top-title">
        {where ? <span className="sbx-crumb">{where}</span> : query.isError ? null : <Skeleton width={120} height={12} />}
        <span className="sbx-page-name">{title}</span>
      </div>
      <span className="sbx-badge" title="This is the built-in sandbox CRM, not HighLevel">
        <FlaskIcon size={13} strokeWidth={2} />
        Sandbox CRM
      </span>
      <div className="sbx-user">
        <span className="sbx-avatar" aria-hidden="true">
          {user ? initialsOf(user.name) : ""}
        </span>
        <span className="sbx-user-text">
          <label htmlFor="sbx-user" className="sbx-user-label">
            Signed in as
          </label>
          <select
            id="sbx-user"
            className="sbx-user-select"
            data-testid="sandbox-user-switcher"
            value={user?.id ?? ""}
            disabled={!selection || selection.users.length === 0}
            onChange={(e) => selectUser(e.target.value)}
          >
            {selection && selection.users.length > 0 ? (
              selection.users.map((u) => (
                <option key={u.id} value={u.id} title={`${u.email} · ${u.role}`}>
                  {u.name}
                </option>
              ))
            ) : (
              <option value="">{selection ? "No users" : query.isError ? "Unavailable" : "Loading…"}</option>
            )}
          </select>
        </span>
        {user ? <span className="sbx-role">{user.type === "agency" ? `Agency ${user.role}` : user.role}</span> : null}
      </div>
    </header>
  );
}

function ShellContent({ children }: { children: ReactNode }) {
  const { query, selection } = useSandbox();
  if (selection) return children;
  if (query.isError) {
    return (
      <div className="sbx-page" role="alert">
        <EmptyState
          icon={<AlertIcon size={24} />}
          title="The sandbox CRM did not answer"
          description={describeError(query.error)}
          actions={
            <Button variant="primary" loading={query.isFetching} onClick={() => void query.refetch()}>
              Try again
            </Button>
          }
          note="The shell reads everything from the control API at /sandbox/api/state."
        />
      </div>
    );
  }
  return (
    <div className="sbx-page" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the sandbox CRM…
      </p>
      <Skeleton width={220} height={24} />
      <Skeleton width={360} height={14} />
      <div className="sbx-skeleton-card">
        <Skeleton height={16} width="40%" />
        <Skeleton height={12} />
        <Skeleton height={12} width="80%" />
        <Skeleton height={12} width="65%" />
      </div>
    </div>
  );
}
