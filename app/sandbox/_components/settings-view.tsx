"use client";

/**
 * Developer switches: make the sandbox CRM's API misbehave the ways HighLevel does (outage, slow
 * answers, an expired token, a 429 storm), and put everything back to the seed data.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { describedBy, Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { useToast } from "@/app/_components/ui/toast";
import { describeError, FAULT_MODES, sandboxApi, sandboxKeys, type FaultMode, type FaultState } from "@/app/sandbox/_components/api";
import { ConfirmDialog } from "@/app/sandbox/_components/confirm-dialog";
import { ResetIcon } from "@/app/sandbox/_components/crm-icons";
import { formatDuration } from "@/app/sandbox/_components/format";
import { useSelection } from "@/app/sandbox/_components/sandbox-context";

const FAULTS: Record<FaultMode, { label: string; description: string }> = {
  none: { label: "Healthy", description: "Every call answers normally." },
  down: { label: "Down", description: "The CRM API answers server errors, as in an outage." },
  slow: { label: "Slow", description: "Answers arrive late, so calls run into timeouts." },
  "unauthorized-once": { label: "Unauthorized once", description: "The next call answers 401, as when an access token expires." },
  "rate-limit": { label: "Rate-limit storm", description: "Calls answer 429 with Retry-After, as when the daily or burst limit is hit." },
};

const MAX_SECONDS = 86_400;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function SettingsView() {
  return (
    <div className="sbx-page">
      <PageHeader title="Settings" description="Developer switches of the sandbox CRM. They change what Smart Links sees when it calls the CRM." />
      <FaultsCard />
      <div className="sbx-settings-grid">
        <ResetCard />
        <SandboxDataCard />
      </div>
    </div>
  );
}

function useTicker(isOn: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isOn) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [isOn]);
  return now;
}

function FaultsCard() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const faults = useQuery({ queryKey: sandboxKeys.faults(), queryFn: ({ signal }) => sandboxApi.faults(signal) });
  const [choice, setChoice] = useState<FaultMode | null>(null);
  const [seconds, setSeconds] = useState("");
  const mode = choice ?? faults.data?.mode ?? "none";
  const secondsError = seconds === "" || (/^\d+$/.test(seconds) && Number(seconds) >= 1 && Number(seconds) <= MAX_SECONDS) ? undefined : `Enter whole seconds from 1 to ${MAX_SECONDS}, or leave empty.`;

  const apply = useMutation({
    mutationFn: (input: { mode: FaultMode; seconds?: number }) => sandboxApi.setFault(input.mode, input.seconds),
    onSuccess: async (_ok, input) => {
      setChoice(null);
      toast({
        tone: "success",
        title: input.mode === "none" ? "The CRM is healthy again" : `Fault on: ${FAULTS[input.mode].label}`,
        description: input.mode === "none" ? undefined : input.seconds ? `For ${formatDuration(input.seconds * 1000)}.` : "Until you switch it off.",
      });
      await queryClient.invalidateQueries({ queryKey: sandboxKeys.faults() });
    },
    onError: (err) => toast({ tone: "error", title: "The fault could not be set", description: describeError(err) }),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (secondsError) return;
    apply.mutate(mode === "none" || seconds === "" ? { mode } : { mode, seconds: Number(seconds) });
  };

  return (
    <Card>
      <CardHeader
        title="CRM faults"
        description="Applies to the CRM's HTTP API (/sandbox/crm/…) that Smart Links calls; the shell and the control API keep working."
        actions={<CurrentFault state={faults.data} isLoading={faults.isPending} onExpired={() => void faults.refetch()} />}
      />
      <CardBody>
        <form className="stack" onSubmit={onSubmit} data-testid="sandbox-faults-form">
          <fieldset className="sbx-radio-cards">
            <legend className="sr-only">Fault mode</legend>
            {FAULT_MODES.map((m) => (
              <label key={m} className={`sbx-radio-card${m === mode ? " is-checked" : ""}${m !== "none" ? " is-fault" : ""}`}>
                <input type="radio" name="fault-mode" value={m} checked={m === mode} onChange={() => setChoice(m)} data-testid={`sandbox-fault-${m}`} />
                <span className="sbx-radio-text">
                  <span className="sbx-radio-label">{FAULTS[m].label}</span>
                  <span className="sbx-radio-description">{FAULTS[m].description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="sbx-fault-foot">
            <div className="sbx-seconds">
              <Field id="sbx-fault-seconds" label="Duration in seconds" optional hint="Empty: until you switch back to Healthy." error={secondsError}>
                <Input
                  id="sbx-fault-seconds"
                  inputMode="numeric"
                  placeholder="e.g. 60"
                  value={mode === "none" ? "" : seconds}
                  disabled={mode === "none"}
                  onChange={(e) => setSeconds(e.target.value.trim())}
                  invalid={Boolean(secondsError)}
                  data-testid="sandbox-fault-seconds"
                  {...describedBy("sbx-fault-seconds", secondsError)}
                />
              </Field>
            </div>
            <Button type="submit" variant="primary" loading={apply.isPending} data-testid="sandbox-fault-apply">
              {mode === "none" ? "Make the CRM healthy" : `Turn on “${FAULTS[mode].label}”`}
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}

function CurrentFault({ state, isLoading, onExpired }: { state: FaultState | undefined; isLoading: boolean; onExpired: () => void }) {
  const isTimed = Boolean(state && state.mode !== "none" && state.until !== null);
  const now = useTicker(isTimed);
  const left = state?.until != null ? state.until - now : null;
  const isExpired = isTimed && left !== null && left <= 0;
  useEffect(() => {
    if (isExpired) onExpired();
  }, [isExpired, onExpired]);

  if (isLoading) return <Skeleton width={150} height={22} radius={11} />;
  if (!state) return <Badge>Fault state unknown</Badge>;
  return (
    <span role="status" data-testid="sandbox-current-fault">
      {state.mode === "none" || isExpired ? (
        <Badge tone="success">
          <span className="sbx-dot is-on" aria-hidden="true" /> Healthy
        </Badge>
      ) : (
        <Badge tone="danger">
          <span className="sbx-dot is-bad" aria-hidden="true" /> {FAULTS[state.mode].label}
          {left !== null ? ` · ${formatDuration(left)} left` : " · until switched off"}
        </Badge>
      )}
    </span>
  );
}

function ResetCard() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [isConfirming, setConfirming] = useState(false);
  const reset = useMutation({
    mutationFn: () => sandboxApi.reset(),
    onSuccess: async () => {
      setConfirming(false);
      toast({ tone: "success", title: "The sandbox is back to its seed data" });
      await queryClient.invalidateQueries({ queryKey: sandboxKeys.all });
    },
    onError: (err) => {
      setConfirming(false);
      toast({ tone: "error", title: "The sandbox could not be reset", description: describeError(err) });
    },
  });
  return (
    <Card>
      <CardHeader title="Reset sandbox" description="Back to the seed data, as on first start." />
      <CardBody className="stack">
        <p className="muted">
          The agency, its sub-accounts, users and contacts return to their seed state: installs and plans as seeded, tags, notes
          and custom field values the app wrote are gone.
        </p>
        <div>
          <Button variant="danger" icon={<ResetIcon size={16} />} loading={reset.isPending} onClick={() => setConfirming(true)} data-testid="sandbox-reset">
            Reset sandbox to seed data
          </Button>
        </div>
      </CardBody>
      <ConfirmDialog
        open={isConfirming}
        title="Reset the sandbox CRM?"
        confirmLabel="Reset to seed data"
        tone="danger"
        isPending={reset.isPending}
        onConfirm={() => reset.mutate()}
        onClose={() => setConfirming(false)}
        testId="sandbox-reset-dialog"
      >
        <p>Everything the sandbox CRM stores goes back to its seed data. This cannot be undone.</p>
      </ConfirmDialog>
    </Card>
  );
}

function SandboxDataCard() {
  const { state } = useSelection();
  return (
    <Card>
      <CardHeader title="Sandbox data" description="Ids for scripts and tests that drive the control API." />
      <CardBody>
        <dl className="sbx-dl">
          <div className="sbx-dl-row">
            <dt>{state.agency.name}</dt>
            <dd>
              <code className="sbx-code">{state.agency.id}</code>
            </dd>
          </div>
          {state.locations.map((l) => (
            <div key={l.id} className="sbx-dl-row">
              <dt>{l.name}</dt>
              <dd>
                <code className="sbx-code">{l.id}</code>
                <span className="subtle sbx-small">
                  {" "}
                  · {plural(l.users.length, "user")} · {plural(l.contactIds.length, "contact")}
                </span>
              </dd>
            </div>
          ))}
        </dl>
      </CardBody>
    </Card>
  );
}
