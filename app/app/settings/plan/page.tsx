import type { Metadata } from "next";
import { SparkIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { PlanBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { PLAN_FEATURES } from "@/lib/billing/plans";
import { getShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Plan" };

const yes = <span className="check" aria-label="Included">✓</span>;
const no = <span className="dash" aria-label="Not included">—</span>;
const limit = (n: number) => (Number.isFinite(n) ? n.toLocaleString("en-US") : "Unlimited");

export default async function PlanPage() {
  const workspace = await getShellWorkspace();
  const { starter, pro } = PLAN_FEATURES;
  const rows: [string, React.ReactNode, React.ReactNode][] = [
    ["Active short links", limit(starter.maxActiveLinks), limit(pro.maxActiveLinks)],
    ["Click and scan history", `${starter.historyDays} days`, `${pro.historyDays} days`],
    ["Landing pages", limit(starter.maxLandingPages), limit(pro.maxLandingPages)],
    ["Custom slugs, UTM, expiry, click limit, lead capture", yes, yes],
    ["Campaigns, tags, QR Studio, CSV export", yes, yes],
    ["Tag-on-click and contact sync", yes, yes],
    ["Password protection", no, yes],
    ["Country and device targeting, A/B rotation", no, yes],
    ["Custom branded domains", no, yes],
    ["Priority support", no, yes],
  ];
  return (
    <div className="page">
      <PageHeader
        title="Plan"
        description={
          <>
            This workspace is on <PlanBadge plan={workspace.plan} />. Plan changes are made in your CRM&apos;s billing and
            apply here as soon as the CRM confirms them.
          </>
        }
      />
      <Card>
        <CardHeader title="Compare plans" description="Billed monthly through your CRM." />
        <Table className="plan-table">
          <THead>
            <Tr>
              <Th>Feature</Th>
              <Th>Starter · ${starter.priceMonthlyUsd}/mo</Th>
              <Th>Pro · ${pro.priceMonthlyUsd}/mo</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map(([feature, a, b]) => (
              <Tr key={feature}>
                <Td>{feature}</Td>
                <Td>{a}</Td>
                <Td>{b}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        {workspace.plan === "starter" ? (
          <CardBody>
            <div className="row" style={{ justifyContent: "space-between", flexWrap: "wrap" }}>
              <p className="muted">Upgrading opens your CRM&apos;s billing for this app; nothing is charged here.</p>
              <Button variant="primary" icon={<SparkIcon size={16} />} disabled aria-describedby="upgrade-note">
                Upgrade to Pro
              </Button>
            </div>
            <p id="upgrade-note" className="subtle" style={{ fontSize: 12.5, marginTop: 8 }}>
              Open Smart Links from your CRM to upgrade: the upgrade is confirmed by the CRM&apos;s billing.
            </p>
          </CardBody>
        ) : null}
      </Card>
    </div>
  );
}
