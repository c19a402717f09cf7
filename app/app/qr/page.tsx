import type { Metadata } from "next";
import { QrIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";

export const metadata: Metadata = { title: "QR Studio" };

export default function QrStudioPage() {
  return (
    <div className="page">
      <PageHeader title="QR Studio" description="Styled QR codes for any link; every scan is counted as a click from “QR”." />
      <Card>
        <EmptyState
          icon={<QrIcon size={24} />}
          title="No link to encode yet"
          description="Choose a link, then style its code: colours with a contrast check, square, rounded or dotted modules, eye shapes, a logo in the centre and the size. Download it as PNG or SVG."
        />
      </Card>
    </div>
  );
}
