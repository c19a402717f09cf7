import { ChartIcon, LinkIcon, QrIcon, SyncIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";

const FEATURES = [
  { icon: <LinkIcon size={18} />, title: "Branded short links", text: "Custom slugs, UTM fields, expiry, click limits and lead capture." },
  { icon: <SyncIcon size={18} />, title: "Written back to your CRM", text: "Tags, notes and click fields land on the contact who clicked." },
  { icon: <ChartIcon size={18} />, title: "Honest analytics", text: "Live clicks by country, device and source; bots never counted." },
  { icon: <QrIcon size={18} />, title: "QR Studio", text: "Styled QR codes whose scans count like clicks." },
];

export default function HomePage() {
  return (
    <main className="public">
      <div className="card public-card home-card">
        <span className="brand-mark" style={{ width: 48, height: 48, borderRadius: 14 }} aria-hidden="true">
          <LinkIcon size={24} strokeWidth={2.2} />
        </span>
        <h1>Smart Links</h1>
        <p className="muted">
          Branded short links, smart click-time routing, QR codes, landing pages and honest click analytics, with every click
          written back to the CRM contact who made it.
        </p>
        <ul className="home-features">
          {FEATURES.map((f) => (
            <li key={f.title}>
              <span className="stat-icon" aria-hidden="true">
                {f.icon}
              </span>
              <span>
                <strong>{f.title}</strong>
                <span className="muted">{f.text}</span>
              </span>
            </li>
          ))}
        </ul>
        <Button href="/app" variant="primary" size="lg">
          Open the app
        </Button>
        <p className="subtle" style={{ fontSize: 13 }}>
          Inside your CRM, Smart Links opens as an embedded app: install it from the CRM&apos;s marketplace, then open it from
          the sidebar. No separate login.
        </p>
      </div>
    </main>
  );
}
