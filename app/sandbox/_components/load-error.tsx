"use client";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { describeError } from "@/app/sandbox/_components/api";
import { AlertIcon } from "@/app/sandbox/_components/crm-icons";

/** A list that could not be loaded: what went wrong, and a "Try again" that refetches. */
export function LoadError({ title, error, retrying, onRetry }: { title: string; error: unknown; retrying: boolean; onRetry: () => void }) {
  return (
    <div role="alert">
      <EmptyState
        compact
        headingLevel={3}
        icon={<AlertIcon size={22} />}
        title={title}
        description={describeError(error)}
        actions={
          <Button variant="secondary" loading={retrying} onClick={onRetry}>
            Try again
          </Button>
        }
      />
    </div>
  );
}
