import { Card, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { UsersIcon } from "@/app/_components/icons";
import type { UsageRow } from "@/lib/analytics/usage";

const formatNumber = new Intl.NumberFormat("en-US").format;

/** Settings → Usage: links created and clicks received per CRM user of the location. */
export function UsageCard({ rows }: { rows: UsageRow[] }) {
  const hasLinks = rows.some((r) => r.links > 0);
  return (
    <Card id="usage" role="region" aria-labelledby="usage-title">
      <CardHeader
        title={<span id="usage-title">Usage</span>}
        description="Links created and human clicks received, per user of this CRM location. Bots and link previews are never counted."
      />
      {hasLinks ? (
        <Table caption="Usage per user" data-testid="usage-table">
          <THead>
            <Tr>
              <Th>User</Th>
              <Th className="num">Links created</Th>
              <Th className="num">Clicks, last 30 days</Th>
              <Th className="num">Clicks, all time</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.userId ?? "other"}>
                <Td>
                  <div>{r.name}</div>
                  {r.email ? <div className="field-hint">{r.email}</div> : null}
                </Td>
                <Td className="num">{formatNumber(r.links)}</Td>
                <Td className="num">{formatNumber(r.clicks30d)}</Td>
                <Td className="num">{formatNumber(r.clicksAllTime)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : (
        <EmptyState compact headingLevel={3} icon={<UsersIcon size={20} />} title="No links yet" description="Each user’s links and the clicks they receive will be counted here." />
      )}
    </Card>
  );
}
