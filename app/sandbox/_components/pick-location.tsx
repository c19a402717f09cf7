"use client";

import type { ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { useSelection } from "@/app/sandbox/_components/sandbox-context";

/** The agency view of a per-sub-account page: one button per sub-account. */
export function PickLocation({ icon, title, description }: { icon: ReactNode; title: string; description: string }) {
  const { state, selectLocation } = useSelection();
  return (
    <EmptyState
      icon={icon}
      title={title}
      description={description}
      actions={state.locations.map((l) => (
        <Button key={l.id} variant="secondary" onClick={() => selectLocation(l.id)}>
          {l.name}
        </Button>
      ))}
    />
  );
}
