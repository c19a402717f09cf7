"use server";

/**
 * Settings → CRM writes. Session only; every job id is looked up inside the session's
 * workspace, so an id from another workspace is `not_found`.
 */
import { headers } from "next/headers";
import { requireSession } from "@/lib/auth/require-session";
import { getCrmDeps } from "@/lib/crm/deps";
import { dismissJob, retryAllJobs, retryJob } from "@/lib/crm-status/resolve-jobs";
import { jobIdSchema, type TestWritebackResultDto } from "@/lib/crm-status/schemas";
import { runTestWriteback } from "@/lib/crm-status/test-writeback";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { runAction, type ActionResult } from "@/lib/http/run-action";
import { getWorkspaceOrThrow } from "@/lib/workspaces/queries";

async function session() {
  const db = await getDb();
  return { db, session: await requireSession(db, await headers(), env().sessionSecret) };
}

export async function testWritebackAction(): Promise<ActionResult<TestWritebackResultDto>> {
  return runAction(async () => {
    const { db, session: s } = await session();
    const workspace = await getWorkspaceOrThrow(db, s.workspaceId);
    const { crm, sandboxShellUrl } = env();
    return runTestWriteback(await getCrmDeps(), { id: workspace.id, locationId: workspace.crmLocationId }, { mode: crm.mode, sandboxShellUrl });
  }, "testWritebackAction");
}

export async function retryJobAction(id: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { db, session: s } = await session();
    const jobId = jobIdSchema.parse(id);
    await retryJob(db, s.workspaceId, jobId);
    return { id: jobId };
  }, "retryJobAction");
}

export async function retryAllJobsAction(): Promise<ActionResult<{ count: number }>> {
  return runAction(async () => {
    const { db, session: s } = await session();
    return { count: await retryAllJobs(db, s.workspaceId) };
  }, "retryAllJobsAction");
}

export async function dismissJobAction(id: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { db, session: s } = await session();
    const jobId = jobIdSchema.parse(id);
    await dismissJob(db, s.workspaceId, jobId);
    return { id: jobId };
  }, "dismissJobAction");
}
