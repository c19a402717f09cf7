"use client";

import { memo } from "react";
import { ContactIcon, CursorIcon, QrIcon, UsersIcon } from "@/app/_components/icons";
import { Card } from "@/app/_components/ui/card";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { Stat } from "@/app/_components/ui/stat";
import { useAnalyticsSlice, type AnalyticsQuery } from "@/app/app/_components/analytics/analytics-data";
import { formatCount, formatShare, plural } from "@/app/app/_components/analytics/labels";
import type { Analytics } from "@/lib/analytics/types";

const selectTotals = (d: Analytics) => d.totals;

function StatSkeleton({ label }: { label: string }) {
  return (
    <Card className="stat" aria-busy="true">
      <span className="stat-label">{label}</span>
      <Skeleton width={90} height={28} />
      <Skeleton width={120} height={11} />
    </Card>
  );
}

/** The four headline numbers; the clicks figure is what the live e2e watches. */
export const TotalsPanel = memo(function TotalsPanel({ q }: { q: AnalyticsQuery }) {
  const { data: t, isPlaceholderData } = useAnalyticsSlice(q, selectTotals);
  if (!t) {
    return (
      <div className="grid-stats">
        {["Clicks", "Unique visitors", "QR scans", "Identified clicks"].map((label) => (
          <StatSkeleton key={label} label={label} />
        ))}
      </div>
    );
  }
  return (
    <div className={`grid-stats an-stats${isPlaceholderData ? " is-stale" : ""}`}>
      <Stat label="Clicks" value={formatCount(t.clicks)} icon={<CursorIcon size={16} />} hint="Human clicks and scans" testId="stat-clicks" />
      <Stat
        label="Unique visitors"
        value={formatCount(t.uniqueVisitors)}
        icon={<UsersIcon size={16} />}
        hint="Counted once per visitor per day"
        testId="stat-unique-visitors"
      />
      <Stat
        label="QR scans"
        value={formatCount(t.qrScans)}
        icon={<QrIcon size={16} />}
        hint={t.clicks > 0 ? `${formatShare(t.qrScans, t.clicks)} of clicks` : "Scans of your QR codes"}
        testId="stat-qr-scans"
      />
      <Stat
        label="Identified clicks"
        value={formatCount(t.identifiedClicks)}
        icon={<ContactIcon size={16} />}
        hint={<span data-testid="stat-unique-contacts">{plural(t.uniqueContacts, "CRM contact", "CRM contacts")}</span>}
        testId="stat-identified-clicks"
      />
    </div>
  );
});
