"use client";

import { InfoIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";

/** A page inside the shell failed: keep the shell, say so plainly, offer a retry. */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page">
      <Card>
        <EmptyState
          icon={<InfoIcon size={24} />}
          title="This page could not be loaded"
          description="Something went wrong on our side. Your links keep working for visitors. Try again in a moment."
          actions={
            <Button variant="primary" onClick={reset}>
              Try again
            </Button>
          }
          note={error.digest ? `Reference: ${error.digest}` : undefined}
        />
      </Card>
    </div>
  );
}
