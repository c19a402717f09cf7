import type { Metadata } from "next";
import { LinkIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";

export const metadata: Metadata = { title: "Links" };

export default function LinksPage() {
  return (
    <div className="page">
      <PageHeader title="Links" description="Branded short links with smart routing, protection and CRM automation." />
      <Card>
        <EmptyState
          icon={<LinkIcon size={24} />}
          title="No links yet"
          description="Your short links will be listed here with their clicks, tags and campaign. Search, filter, bulk-edit, import and export them as CSV, and copy a short URL or its QR code in one click."
        />
      </Card>
    </div>
  );
}
