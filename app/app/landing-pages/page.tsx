import type { Metadata } from "next";
import { PageIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";

export const metadata: Metadata = { title: "Landing pages" };

export default function LandingPagesPage() {
  return (
    <div className="page">
      <PageHeader title="Landing pages" description="Link-in-bio pages with tracked buttons, published at their own URL." />
      <Card>
        <EmptyState
          icon={<PageIcon size={24} />}
          title="No landing pages yet"
          description="Pick a template, add a title, avatar, text, images, link buttons and social icons, preview it, and publish. Every button click is tracked like a link click."
        />
      </Card>
    </div>
  );
}
