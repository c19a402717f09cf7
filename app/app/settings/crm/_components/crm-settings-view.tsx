"use client";

import { useEffect } from "react";
import { SyncIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { useSessionExpiry } from "@/app/app/links/_components/links-data";
import { useCrmStatus } from "@/app/app/settings/crm/_components/crm-data";
import { ConnectionCard, EffectsCard, LiveIndicator, StatTiles, StatusSkeleton } from "@/app/app/settings/crm/_components/sync-status";
import { TestWritebackCard } from "@/app/app/settings/crm/_components/test-writeback-card";
import { UnresolvedCard } from "@/app/app/settings/crm/_components/unresolved-card";
import type { CrmLinkConfig } from "@/lib/crm-status/contact-url";

/** Subscribes to nothing that changes between polls, so a poll never re-renders the page. */
const selectLoaded = () => true;

/**
 * Settings → CRM. The status polls every few seconds; each card subscribes to its own slice, so
 * only what changed re-renders. Test writeback and the unresolved list work on their own.
 */
export function CrmSettingsView({ crm }: { crm: CrmLinkConfig }) {
  const status = useCrmStatus(selectLoaded);
  const onSessionResult = useSessionExpiry();
  const { error } = status;
  useEffect(() => {
    if (error) onSessionResult(error);
  }, [error, onSessionResult]);

  return (
    <>
      <PageHeader
        title="CRM sync"
        description="How clicks and leads are written back to your CRM contacts: the connection, the queue, and anything that could not be delivered."
        actions={<LiveIndicator />}
      />
      {status.isPending ? (
        <StatusSkeleton />
      ) : status.isError && status.data === undefined ? (
        <Card data-testid="crm-status-error" role="alert">
          <EmptyState
            compact
            headingLevel={2}
            icon={<SyncIcon size={20} />}
            title="The sync status could not be loaded"
            description={`${status.error.message} Your links keep working and queued writebacks continue in the background.`}
            actions={
              <Button variant="primary" size="sm" onClick={() => void status.refetch()} loading={status.isFetching} data-testid="crm-status-retry">
                Try again
              </Button>
            }
          />
        </Card>
      ) : (
        <>
          <StatTiles />
          <div className="crm-grid">
            <ConnectionCard />
            <TestWritebackCard />
          </div>
        </>
      )}
      <UnresolvedCard crm={crm} />
      {status.data === undefined ? null : <EffectsCard />}
    </>
  );
}
