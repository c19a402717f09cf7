"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { CampaignIcon, DashboardIcon, LinkIcon, PageIcon, QrIcon, SettingsIcon } from "@/app/_components/icons";

const ITEMS: { href: string; label: string; icon: ReactNode; exact?: boolean }[] = [
  { href: "/app", label: "Dashboard", icon: <DashboardIcon />, exact: true },
  { href: "/app/links", label: "Links", icon: <LinkIcon /> },
  { href: "/app/campaigns", label: "Campaigns", icon: <CampaignIcon /> },
  { href: "/app/landing-pages", label: "Landing pages", icon: <PageIcon /> },
  { href: "/app/qr", label: "QR Studio", icon: <QrIcon /> },
  { href: "/app/settings", label: "Settings", icon: <SettingsIcon /> },
];

export function ShellNav() {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  // On narrow iframes the navigation scrolls sideways: keep the current section in view.
  useEffect(() => {
    nav.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  return (
    <nav className="shell-nav" aria-label="Main" ref={nav}>
      <ul className="nav-list">
        {ITEMS.map((item) => {
          const active = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} className="nav-link" aria-current={active ? "page" : undefined}>
                {item.icon}
                <span>{item.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
