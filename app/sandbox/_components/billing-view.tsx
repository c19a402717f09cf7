"use client";

/**
 * The CRM's billing for Smart Links in one sub-account. A plan change is the CRM's to make: it
 * charges the sub-account and tells the app with a signed PLAN_CHANGE webhook; the app only
 * follows (product.md, "Plans").
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
import { CheckIcon, ReceiptIcon, StoreIcon } from "@/app/sandbox/_components/crm-icons";
import type { PlanListing } from "@/app/sandbox/_components/plan-listing";
import { useSelection } from "@/app/sandbox/_components/sandbox-context";
import { AppMark } from "@/app/sandbox/_components/shell";

export function BillingView({ plans }: { plans: PlanListing[] }) {
  const { location } = useSelection();
  return (
    <div className="sbx-page">
      <PageHeader title="Billing" description={location ? `Marketplace subscriptions of ${location.name}.` : "Marketplace subscriptions are billed per sub-account."} />
      {location ? <LocationBilling key={location.id} location={location} plans={plans} /> : <AgencyBilling plans={plans} />}
    </div>
  );
}

function AgencyBilling({ plans }: { plans: PlanListing[] }) {
  const { state, selectLocation } = useSelection();
  const priceOf = (plan: string | null) => plans.find((p) => p.plan === plan)?.price;
  return (
    <Card>
      <CardHeader title="Smart Links across sub-accounts" description="Open a sub-account to change its plan." />
      <ul className="sbx-install-list">
        {state.locations.map((l) => (
          <li key={l.id} className="sbx-install">
            <div className="sbx-install-who">
              <span className="sbx-install-name">{l.name}</span>
              <span className="sbx-install-state">
                {l.installed && l.plan ? (
                  <>
                    <PlanBadge plan={l.plan} />
                    <span className="muted">{priceOf(l.plan)}/month</span>
                  </>
                ) : (
                  <Badge>{l.installed ? "No plan" : "Not installed"}</Badge>
                )}
              </span>
            </div>
            <Button variant="secondary" size="sm" onClick={() => selectLocation(l.id)}>
              Manage
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function LocationBilling({ location, plans }: { location: SandboxLocation; plans: PlanListing[] }) {
  const { hrefFor, refreshState } = useSelection();
  const toast = useToast();
  const [target, setTarget] = useState<PlanListing | null>(null);
  const current = plans.find((p) => p.plan === location.plan) ?? null;
  const mutation = useMutation({
    mutationFn: (plan: PlanListing) => sandboxApi.changePlan(location.id, plan.plan),
    onSuccess: async (_ok, plan) => {
      setTarget(null);
      toast({ tone: "success", title: `${location.name} is now on ${plan.name}`, description: "Smart Links was notified with a signed PLAN_CHANGE webhook." });
      await refreshState();
    },
    onError: (err, plan) => {
      setTarget(null);
      toast({ tone: "error", title: `Could not switch to ${plan.name}`, description: describeError(err) });
    },
  });
  const unavailableNote = "sbx-billing-unavailable";

  return (
    <>
      {!location.installed ? (
        <div className="sbx-notice" id={unavailableNote} data-testid="sandbox-billing-not-installed">
          <StoreIcon size={18} />
          <p>
            <strong>Smart Links is not installed in {location.name}.</strong> Plans can be changed once the app is installed.
          </p>
          <Button variant="primary" size="sm" href={hrefFor("/sandbox/marketplace")}>
            Open the Marketplace
          </Button>
        </div>
      ) : null}

      <Card className="sbx-subscription">
        <div className="sbx-subscription-row">
          <AppMark size={40} />
          <div className="sbx-subscription-text">
            <h2>Smart Links</h2>
            <p className="muted">
              {location.installed && current ? (
                <>
                  {current.name} · {current.price}/month, charged to {location.name}
                </>
              ) : location.installed ? (
                "Installed, no plan on record"
              ) : (
                "Not installed: nothing is charged"
              )}
            </p>
          </div>
          {location.installed && current ? (
            <span data-testid="sandbox-billing-current">
              <PlanBadge plan={current.plan} />
            </span>
          ) : (
            <Badge>{location.installed ? "No plan" : "Not installed"}</Badge>
          )}
        </div>
      </Card>

      <div className="sbx-plans sbx-plans-billing">
        {plans.map((p) => {
          const isCurrent = location.installed && p.plan === location.plan;
          const isUpgrade = p.plan === "pro";
          return (
            <div key={p.plan} className={`sbx-plan${isCurrent ? " is-current" : ""}`} data-testid={`sandbox-plan-${p.plan}`}>
              <div className="sbx-plan-head">
                <h3>{p.name}</h3>
                {isCurrent ? (
                  <Badge tone="success">
                    <CheckIcon size={12} strokeWidth={2.6} /> Current plan
                  </Badge>
                ) : null}
              </div>
              <p className="sbx-price">
                <strong>{p.price}</strong>
                <span className="muted">/month</span>
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
              <div className="sbx-plan-foot">
                {isCurrent ? (
                  <span className="muted">{location.name} is on this plan.</span>
                ) : (
                  <Button
                    variant={isUpgrade ? "primary" : "secondary"}
                    unavailable={!location.installed}
                    aria-describedby={!location.installed ? unavailableNote : undefined}
                    loading={mutation.isPending && mutation.variables.plan === p.plan}
                    onClick={() => setTarget(p)}
                    data-testid={`sandbox-switch-${p.plan}`}
                  >
                    Switch to {p.name}
                  </Button>
                )}
              </div>
            </div>
          );
        })}
      </div>

      <ConfirmDialog
        open={target !== null}
        title={target ? `Switch ${location.name} to ${target.name}?` : ""}
        confirmLabel={target ? `Switch to ${target.name}` : "Switch"}
        isPending={mutation.isPending}
        onConfirm={() => target && mutation.mutate(target)}
        onClose={() => setTarget(null)}
        testId="sandbox-plan-dialog"
      >
        {target ? (
          <div className="stack" style={{ gap: 10 }}>
            <p>
              The CRM will charge {location.name} <strong>{target.price}/month</strong> for Smart Links {target.name} from now on
              {current ? ` instead of ${current.price}/month for ${current.name}` : ""}, and notify Smart Links with a signed
              PLAN_CHANGE webhook.
            </p>
            <p className="muted sbx-small">
              <ReceiptIcon size={14} /> Sandbox: no money moves. The app applies the plan as soon as it accepts the webhook.
            </p>
          </div>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
