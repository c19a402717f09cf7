import { LinkIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";

export default function Home() {
  return (
    <main className="public">
      <div className="card public-card">
        <span className="brand-mark" style={{ width: 48, height: 48, borderRadius: 14 }}>
          <LinkIcon size={24} strokeWidth={2.2} />
        </span>
        <h1>Smart Links</h1>
        <p className="muted">
          Branded short links, smart click-time routing, QR codes, landing pages and honest click analytics — with every
          click written back to the CRM contact who made it.
        </p>
        <p className="subtle" style={{ fontSize: 13 }}>
          Smart Links opens inside your CRM as an embedded app. Install it from your CRM&apos;s marketplace, then open it from
          the sidebar.
        </p>
        <Button href="/app" variant="primary" size="lg">
          Open the app
        </Button>
      </div>
    </main>
  );
}
