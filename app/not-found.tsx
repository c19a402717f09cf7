import type { Metadata } from "next";
import { Button } from "@/app/_components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="public">
      <div className="card public-card">
        <div className="public-code" aria-hidden="true">
          404
        </div>
        <h1>This page does not exist</h1>
        <p className="muted">The address may be mistyped, or the page was moved.</p>
        <div className="row" style={{ flexWrap: "wrap", justifyContent: "center" }}>
          <Button href="/app" variant="primary">
            Open the app
          </Button>
          <Button href="/" variant="secondary">
            Home page
          </Button>
        </div>
      </div>
    </main>
  );
}
