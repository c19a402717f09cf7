import type { Metadata } from "next";
import { QrIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { PendingAction } from "@/app/_components/shell/pending-action";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";

export const metadata: Metadata = { title: "QR Studio" };

export default function QrStudioPage() {
  return (
    <div className="page">
      <PageHeader title="QR Studio" description="Styled QR codes for any link; every scan is counted as a click from “QR”." />
      <Card className="hero-accent">
        <EmptyState
          icon={<QrIcon size={24} />}
          title="No link to encode yet"
          description="Choose a link, then style its code and download it as PNG or SVG. The code points at the short URL, so scans are counted even after you change the link’s destination."
          actions={
            <PendingAction
              id="choose-link-reason"
              label="Choose a link"
              reason="QR Studio is not available in this version yet. It needs at least one link."
            />
          }
        >
          <ul className="feature-list">
            <li>Foreground and background colours, with a contrast check</li>
            <li>Square, rounded or dotted modules and eye shapes</li>
            <li>Your logo in the centre, still scannable</li>
            <li>Any size, as PNG or SVG</li>
          </ul>
        </EmptyState>
      </Card>
    </div>
  );
}
