import { Button } from "@/app/_components/ui/button";

export default function NotFound() {
  return (
    <main className="public">
      <div className="card public-card">
        <div className="public-code">404</div>
        <h1>This page does not exist</h1>
        <p className="muted">The address may be mistyped, or the page was moved.</p>
        <Button href="/" variant="secondary">
          Go to the home page
        </Button>
      </div>
    </main>
  );
}
