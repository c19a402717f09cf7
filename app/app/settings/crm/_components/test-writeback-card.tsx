"use client";

import { useMutation } from "@tanstack/react-query";
import { ExternalIcon, SparkIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { CheckIcon, WarningIcon } from "@/app/app/links/_components/icons";
import { useSessionExpiry } from "@/app/app/links/_components/links-data";
import { testWritebackAction } from "@/app/app/settings/crm/actions";
import { formatFull, useCrmStatus } from "@/app/app/settings/crm/_components/crm-data";
import type { CrmStatusDto, TestWritebackResultDto } from "@/lib/crm-status/schemas";
import type { ActionResult } from "@/lib/http/run-action";

/** The server gives up after 20 s; the page stops waiting a little later whatever happens. */
const CLIENT_TIMEOUT_MS = 30_000;

async function withClientTimeout<T>(promise: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ActionResult<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, code: "crm_unavailable", message: "No answer after 30 seconds. The CRM or the connection may be down; try again later." }), CLIENT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const selectLocationName = (s: CrmStatusDto) => s.connection.locationName;

const STEP_ICONS = { ok: <CheckIcon size={13} />, failed: "✕", skipped: "–" } as const;
const STATUS_WORDS = { ok: "Done", failed: "Failed", skipped: "Skipped" } as const;

function Result({ result }: { result: TestWritebackResultDto }) {
  const failed = result.steps.find((s) => s.status === "failed");
  return (
    <div className="crm-result" data-testid="test-writeback-result" data-ok={result.isOk}>
      <div className="crm-result-head">
        <span className="crm-result-title" data-ok={result.isOk}>
          {result.isOk ? <CheckIcon size={16} /> : <WarningIcon size={16} />}
          {result.isOk ? "Writeback works" : `Failed: ${failed?.failure?.label ?? "see below"}`}
        </span>
        <span className="subtle" style={{ fontSize: 12 }} title={formatFull(result.ranAt)}>
          {(result.durationMs / 1000).toFixed(1)} s
        </span>
      </div>
      <ol className="crm-steps">
        {result.steps.map((s) => (
          <li key={s.key} className="crm-step" data-status={s.status} data-testid={`test-writeback-step-${s.key}`}>
            <span className="crm-step-icon" aria-hidden="true">
              {STEP_ICONS[s.status]}
            </span>
            <span className="crm-step-text">
              <span className="crm-step-title">
                {s.label}
                <span className="sr-only">: {STATUS_WORDS[s.status]}</span>
                {s.failure ? <Badge tone="danger">{s.failure.label}</Badge> : null}
              </span>
              <span className="crm-step-detail">{s.detail}</span>
            </span>
          </li>
        ))}
      </ol>
      {result.contact ? (
        <div>
          <Button href={result.contact.url} target="_blank" size="sm" icon={<ExternalIcon size={14} />} data-testid="test-writeback-contact-link">
            Open the test contact in the CRM
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** Runs a real upsert → tag → note against the CRM on request and shows each step's outcome. */
export function TestWritebackCard() {
  const onSessionResult = useSessionExpiry();
  const { data: locationName } = useCrmStatus(selectLocationName);
  const mutation = useMutation({ mutationFn: () => withClientTimeout(testWritebackAction()), onSuccess: (result) => onSessionResult(result) });
  const answer = mutation.data;

  return (
    <Card role="region" aria-labelledby="crm-test-title" data-testid="test-writeback-card">
      <CardHeader title={<span id="crm-test-title">Test writeback</span>} description="Proves the connection end to end with a real contact." />
      <CardBody>
        <ul className="crm-writeback-what">
          <li>
            Creates or updates <strong>Smart Links Test</strong> in {locationName ?? "this location"}
          </li>
          <li>
            Adds the tag <code>smart-links-test</code>
          </li>
          <li>Adds a note to its timeline</li>
        </ul>
        <Button
          variant="primary"
          icon={<SparkIcon size={16} />}
          loading={mutation.isPending}
          onClick={() => mutation.mutate()}
          data-testid="test-writeback-button"
        >
          {mutation.isPending ? "Testing…" : answer ? "Run the test again" : "Run test writeback"}
        </Button>
        <div aria-live="polite">
          {mutation.isPending ? null : answer?.ok ? (
            <Result result={answer.data} />
          ) : answer && answer.code !== "unauthorized" ? (
            <div className="crm-result" data-testid="test-writeback-result" data-ok="false">
              <div className="crm-note crm-note-danger" role="alert">
                <WarningIcon size={18} />
                <p>{answer.message}</p>
              </div>
            </div>
          ) : mutation.isError ? (
            <div className="crm-result" data-testid="test-writeback-result" data-ok="false">
              <div className="crm-note crm-note-danger" role="alert">
                <WarningIcon size={18} />
                <p>The test could not be started. Check your connection and try again.</p>
              </div>
            </div>
          ) : null}
        </div>
      </CardBody>
    </Card>
  );
}
