/**
 * "Test writeback": proves the CRM connection end to end, on request, with the same client the
 * queue uses — upsert a test contact (no `tags` field: it would replace them all), add a tag,
 * add a note. Every step has its own deadline and the whole test a budget, so a slow or
 * unreachable CRM gives a failed step in seconds and never a hanging page; a step after a
 * failed upsert is skipped (there is no contact to write to).
 */
import { addContactTags, createContactNote, upsertContact } from "@/lib/crm/contacts";
import type { CrmDeps } from "@/lib/crm/tokens";
import { crmContactUrl, type CrmLinkConfig } from "@/lib/crm-status/contact-url";
import { CrmTimeoutError, failureOf } from "@/lib/crm-status/reasons";
import type { TestWritebackResultDto, WritebackStepDto } from "@/lib/crm-status/schemas";
import { log } from "@/lib/log";

export const TEST_CONTACT_FIRST_NAME = "Smart Links";
export const TEST_CONTACT_LAST_NAME = "Test";
export const TEST_CONTACT_TAG = "smart-links-test";
export const TEST_CONTACT_SOURCE = "Smart Links";

/** One address per workspace, so repeated tests update one contact instead of making new ones. */
export function testContactEmail(workspaceId: string): string {
  return `smart-links-test+${workspaceId.toLowerCase().replace(/[^a-z0-9._-]/g, "-")}@example.com`;
}

export type TestWritebackOptions = {
  /** Longest one step may take (the CRM client's own request timeout is 10 s). */
  stepTimeoutMs?: number;
  /** Longest the whole test may take; later steps get what is left. */
  totalTimeoutMs?: number;
  now?: () => Date;
};

const DEFAULT_STEP_TIMEOUT_MS = 8_000;
const DEFAULT_TOTAL_TIMEOUT_MS = 20_000;
/** Waiting out the CRM's rate limit is fine for the queue, not for a person watching a button. */
const MAX_RATE_LIMIT_WAIT_MS = 2_000;

const STEP_LABELS = { upsert: "Create or update the test contact", tag: `Add the tag “${TEST_CONTACT_TAG}”`, note: "Add a timeline note" } as const;

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  // The losing CRM call still ends on its own (its request timeout); its result is ignored.
  promise.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new CrmTimeoutError(ms)), Math.max(0, ms));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

export function formatNoteTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export async function runTestWriteback(
  deps: CrmDeps,
  workspace: { id: string; locationId: string },
  links: CrmLinkConfig,
  options: TestWritebackOptions = {},
): Promise<TestWritebackResultDto> {
  const now = options.now ?? (() => new Date());
  const stepTimeout = options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const startedAt = now();
  const budgetEnds = startedAt.getTime() + (options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS);
  const callOptions = { maxRateLimitWaitMs: MAX_RATE_LIMIT_WAIT_MS };
  const email = testContactEmail(workspace.id);
  const steps: WritebackStepDto[] = [];

  async function step<T>(key: WritebackStepDto["key"], run: () => Promise<T>, describe: (value: T) => string): Promise<T | null> {
    const began = Date.now();
    const timeout = Math.min(stepTimeout, budgetEnds - now().getTime());
    try {
      const value = await withDeadline(run(), timeout);
      steps.push({ key, label: STEP_LABELS[key], status: "ok", detail: describe(value), failure: null, durationMs: Date.now() - began });
      return value;
    } catch (err) {
      const failure = failureOf(err);
      if (failure.code === "unexpected") log.error("test writeback step failed", { workspaceId: workspace.id, step: key, err });
      steps.push({ key, label: STEP_LABELS[key], status: "failed", detail: failure.message, failure: { code: failure.code, label: failure.label }, durationMs: Date.now() - began });
      return null;
    }
  }
  const skip = (key: WritebackStepDto["key"]) =>
    steps.push({ key, label: STEP_LABELS[key], status: "skipped", detail: "Skipped: there is no test contact to write to.", failure: null, durationMs: 0 });

  const contact = await step(
    "upsert",
    () =>
      upsertContact(
        deps,
        workspace.locationId,
        { email, firstName: TEST_CONTACT_FIRST_NAME, lastName: TEST_CONTACT_LAST_NAME, name: `${TEST_CONTACT_FIRST_NAME} ${TEST_CONTACT_LAST_NAME}`, source: TEST_CONTACT_SOURCE },
        callOptions,
      ),
    (c) => (c.isNew ? `Created “Smart Links Test” (${email}).` : `Updated the existing “Smart Links Test” (${email}).`),
  );
  if (contact) {
    await step("tag", () => addContactTags(deps, workspace.locationId, contact.id, [TEST_CONTACT_TAG], callOptions), () => `Tagged the contact “${TEST_CONTACT_TAG}”.`);
    const body = `Smart Links writeback test at ${formatNoteTime(startedAt)}`;
    await step("note", () => createContactNote(deps, workspace.locationId, contact.id, body, callOptions), () => `Added the note “${body}”.`);
  } else {
    skip("tag");
    skip("note");
  }

  return {
    isOk: steps.every((s) => s.status === "ok"),
    ranAt: startedAt.toISOString(),
    durationMs: Math.max(0, now().getTime() - startedAt.getTime()),
    steps,
    contact: contact ? { id: contact.id, url: crmContactUrl(links, workspace.locationId, contact.id), isNew: contact.isNew, email } : null,
  };
}
