"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { CampaignIcon, DashboardIcon, LinkIcon, PageIcon, QrIcon, SettingsIcon } from "@/app/_components/icons";

type NavItem = { href: string; label: string; icon: ReactNode; exact?: boolean };

const NAV_ITEMS: readonly NavItem[] = [
  { href: "/app", label: "Dashboard", icon: <DashboardIcon />, exact: true },
  { href: "/app/links", label: "Links", icon: <LinkIcon /> },
  { href: "/app/campaigns", label: "Campaigns", icon: <CampaignIcon /> },
  { href: "/app/landing-pages", label: "Landing pages", icon: <PageIcon /> },
  { href: "/app/qr", label: "QR Studio", icon: <QrIcon /> },
  { href: "/app/settings", label: "Settings", icon: <SettingsIcon /> },
];

function isActive(item: NavItem, pathname: string): boolean {
  return item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
}

/** Sidebar on wide screens, a sideways-scrolling tab strip in narrow iframes. */
export function ShellNav() {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);

  // Keep the current tab visible in the narrow strip. Only the strip scrolls: scrollIntoView would
  // also scroll the CRM page that hosts our iframe.
  useEffect(() => {
    const strip = nav.current;
    const current = strip?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!strip || !current || strip.scrollWidth <= strip.clientWidth) return;
    const left = current.offsetLeft - strip.offsetLeft;
    if (left < strip.scrollLeft || left + current.offsetWidth > strip.scrollLeft + strip.clientWidth) {
      strip.scrollLeft = Math.max(0, left - (strip.clientWidth - current.offsetWidth) / 2);
    }
  }, [pathname]);

  return (
    <nav className="shell-nav" aria-label="Main" ref={nav}>
      <ul className="nav-list">
        {NAV_ITEMS.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="nav-link" aria-current={isActive(item, pathname) ? "page" : undefined}>
              {item.icon}
              <span>{item.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
