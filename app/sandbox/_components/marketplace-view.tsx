"use client";

/**
 * The App Marketplace listing of Smart Links, with its install state per sub-account. Install and
 * uninstall go through the control API, which runs the same OAuth redirect and signed webhooks as
 * a real marketplace install.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Badge, PlanBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { useToast } from "@/app/_components/ui/toast";
import { describeError, sandboxApi, type SandboxLocation } from "@/app/sandbox/_components/api";
import { ConfirmDialog } from "@/app/sandbox/_components/confirm-dialog";
import type { PlanListing } from "@/app/sandbox/_components/plan-listing";
import { useSelection } from "@/app/sandbox/_components/sandbox-context";
import { AppMark } from "@/app/sandbox/_components/shell";
import { CheckIcon } from "@/app/sandbox/_components/crm-icons";

export function MarketplaceView({ plans }: { plans: PlanListing[] }) {
  const { state, location } = useSelection();
  const installedCount = state.locations.filter((l) => l.installed).length;
  return (
    <div className="sbx-page">
      <PageHeader title="App Marketplace" description={`Apps available to ${state.agency.name} and its sub-accounts.`} />
      <div className="sbx-mkt">
        <Card className="sbx-listing" data-testid="sandbox-app-listing">
          <div className="sbx-listing-head">
            <AppMark size={56} />
            <div className="sbx-listing-title">
              <h2>Smart Links</h2>
              <p className="muted">by Smart Links · Marketing</p>
              <div className="row sbx-listing-badges">
                <Badge tone="success">
                  Installed in {installedCount} of {state.locations.length}
                </Badge>
                <Badge>Sub-account &amp; agency</Badge>
              </div>
            </div>
          </div>
          <p className="sbx-listing-description">
            Branded short links, smart click-time routing, QR codes, landing pages and honest click analytics — with every
            click written back to the contact who made it, as tags, notes and custom fields.
          </p>
          <div className="sbx-plans">
            {plans.map((p) => (
              <div key={p.plan} className={`sbx-plan${p.plan === "pro" ? " is-featured" : ""}`}>
                <div className="sbx-plan-head">
                  <h3>{p.name}</h3>
                  {p.plan === "pro" ? <Badge tone="brand">Most popular</Badge> : null}
                </div>
                <p className="sbx-price">
                  <strong>{p.price}</strong>
                  <span className="muted">/month per sub-account</span>
                </p>
                <ul className="sbx-plan-list">
                  {p.plan === "pro" ? <li className="sbx-plan-lead">Everything in Starter, plus:</li> : null}
                  {p.highlights.map((h) => (
                    <li key={h}>
                      <CheckIcon size={15} strokeWidth={2.2} />
                      {h}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </Card>

        <Card className="sbx-installs">
          <CardHeader
            title="Installations"
            description="Install runs the real OAuth redirect, then the CRM sends Smart Links a signed webhook."
          />
          <ul className="sbx-install-list">
            {state.locations.map((l) => (
              <InstallRow key={l.id} location={l} isCurrent={l.id === location?.id} />
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}

type Action = "install" | "uninstall";

function InstallRow({ location, isCurrent }: { location: SandboxLocation; isCurrent: boolean }) {
  const { refreshState } = useSelection();
  const toast = useToast();
  const [isConfirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: (action: Action) => (action === "install" ? sandboxApi.install(location.id) : sandboxApi.uninstall(location.id)),
    onSuccess: async (_ok, action) => {
      setConfirming(false);
      toast(
        action === "install"
          ? { tone: "success", title: `Smart Links installed in ${location.name}`, description: "OAuth completed and the INSTALL webhook was delivered." }
          : { tone: "success", title: `Smart Links uninstalled from ${location.name}`, description: "The UNINSTALL webhook was delivered; the app keeps its data for a grace period." },
      );
      await refreshState();
    },
    onError: (err, action) => {
      setConfirming(false);
      toast({ tone: "error", title: action === "install" ? `Could not install in ${location.name}` : `Could not uninstall from ${location.name}`, description: describeError(err) });
    },
  });
  const pending = mutation.isPending ? mutation.variables : null;

  return (
    <li className="sbx-install" data-testid={`sandbox-install-row-${location.id}`}>
      <div className="sbx-install-who">
        <span className="sbx-install-name">
          {location.name}
          {isCurrent ? <span className="sbx-here">current</span> : null}
        </span>
        <span className="sbx-install-state">
          {location.installed ? (
            <>
              <Badge tone="success" testId="sandbox-install-state">
                Installed
              </Badge>
              {location.plan ? <PlanBadge plan={location.plan} /> : null}
            </>
          ) : (
            <Badge testId="sandbox-install-state">Not installed</Badge>
          )}
        </span>
      </div>
      {location.installed ? (
        <Button variant="secondary" size="sm" loading={pending === "uninstall"} onClick={() => setConfirming(true)} data-testid="sandbox-uninstall">
          Uninstall
        </Button>
      ) : (
        <Button variant="primary" size="sm" loading={pending === "install"} onClick={() => mutation.mutate("install")} data-testid="sandbox-install">
          Install
        </Button>
      )}
      <ConfirmDialog
        open={isConfirming}
        title={`Uninstall Smart Links from ${location.name}?`}
        confirmLabel="Uninstall"
        tone="danger"
        isPending={pending === "uninstall"}
        onConfirm={() => mutation.mutate("uninstall")}
        onClose={() => setConfirming(false)}
        testId="sandbox-uninstall-dialog"
      >
        <p>
          The CRM revokes the app&apos;s tokens for this sub-account and sends Smart Links a signed UNINSTALL webhook. The app
          disables its links (visitors see an &ldquo;unavailable&rdquo; page) and keeps its data for a grace period; installing again
          restores everything.
        </p>
      </ConfirmDialog>
    </li>
  );
}
