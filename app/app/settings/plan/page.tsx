import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SparkIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Badge, PlanBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { Tooltip } from "@/app/_components/ui/tooltip";
import { PLAN_FEATURES, PLANS, type Plan } from "@/lib/billing/plans";
import { findShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Plan" };

const INCLUDED = (
  <span className="check" role="img" aria-label="Included">
    ✓
  </span>
);
const NOT_INCLUDED = (
  <span className="dash" role="img" aria-label="Not included">
    —
  </span>
);
const formatLimit = (n: number) => (Number.isFinite(n) ? n.toLocaleString("en-US") : "Unlimited");

/** The comparison from the product spec; numbers and Pro-only features come from PLAN_FEATURES. */
const ROWS: readonly { feature: string; cell: (plan: Plan) => ReactNode }[] = [
  { feature: "Active short links", cell: (p) => formatLimit(PLAN_FEATURES[p].maxActiveLinks) },
  { feature: "Click and scan history", cell: (p) => `${PLAN_FEATURES[p].historyDays} days` },
  { feature: "Landing pages", cell: (p) => formatLimit(PLAN_FEATURES[p].maxLandingPages) },
  { feature: "Custom slugs, UTM, expiry, click limit, lead capture", cell: () => INCLUDED },
  { feature: "Campaigns, tags, QR Studio, CSV export", cell: () => INCLUDED },
  { feature: "Tag-on-click and contact sync", cell: () => INCLUDED },
  { feature: "Password protection", cell: (p) => (PLAN_FEATURES[p].passwords ? INCLUDED : NOT_INCLUDED) },
  { feature: "Country and device targeting, A/B rotation", cell: (p) => (PLAN_FEATURES[p].targeting ? INCLUDED : NOT_INCLUDED) },
  { feature: "Custom branded domains", cell: (p) => (PLAN_FEATURES[p].domains ? INCLUDED : NOT_INCLUDED) },
  { feature: "Priority support", cell: (p) => (PLAN_FEATURES[p].prioritySupport ? INCLUDED : NOT_INCLUDED) },
];

export default async function PlanPage() {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const current = workspace.plan;
  return (
    <div className="page">
      <PageHeader
        title="Plan"
        description={
          <>
            This workspace is on <PlanBadge plan={current} testId="current-plan" />. Plan changes are made in your CRM&apos;s
            billing and apply here as soon as the CRM confirms them.
          </>
        }
      />
      <Card>
        <CardHeader title="Compare plans" description="Billed monthly through your CRM." />
        <Table className="plan-table" caption="Starter and Pro plans compared">
          <THead>
            <Tr>
              <Th>Feature</Th>
              {PLANS.map((p) => (
                <Th key={p} className={p === current ? "is-current" : undefined}>
                  <span className="plan-col">
                    <span>{PLAN_FEATURES[p].label}</span>
                    <span className="plan-col-price">${PLAN_FEATURES[p].priceMonthlyUsd}/month</span>
                    {p === current ? <Badge tone="brand">Current</Badge> : null}
                  </span>
                </Th>
              ))}
            </Tr>
          </THead>
          <TBody>
            {ROWS.map((row) => (
              <Tr key={row.feature}>
                <Td>{row.feature}</Td>
                {PLANS.map((p) => (
                  <Td key={p} className={p === current ? "is-current" : undefined}>
                    {row.cell(p)}
                  </Td>
                ))}
              </Tr>
            ))}
          </TBody>
        </Table>
        <CardBody>
          {current === "starter" ? (
            <div className="plan-cta">
              <div className="plan-cta-text">
                <h3>Upgrade to Pro</h3>
                <p className="muted" style={{ fontSize: 13 }}>
                  Unlimited links, a year of history, passwords, targeting, A/B rotation and your own domains. Plan changes
                  happen in your CRM&apos;s billing; nothing is charged here.
                </p>
              </div>
              <Tooltip label="Plan changes happen in your CRM's billing" align="end">
                <Button variant="primary" icon={<SparkIcon size={16} />} unavailable data-testid="upgrade-button">
                  Upgrade to Pro
                </Button>
              </Tooltip>
            </div>
          ) : (
            <div className="plan-cta">
              <div className="plan-cta-text">
                <h3>You&apos;re on Pro</h3>
                <p className="muted" style={{ fontSize: 13 }}>
                  Every feature is included. To change or cancel the plan, use your CRM&apos;s billing for this app.
                </p>
              </div>
            </div>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
