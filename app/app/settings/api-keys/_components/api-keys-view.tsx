"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { KeyIcon, PlusIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Button } from "@/app/_components/ui/button";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { describedBy, Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Modal } from "@/app/_components/ui/modal";
import { Table, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { useToast } from "@/app/_components/ui/toast";
import { ConfirmModal } from "@/app/app/links/_components/confirm-modal";
import { CopyButton } from "@/app/app/links/_components/copy-button";
import { TrashIcon, WarningIcon } from "@/app/app/links/_components/icons";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/app/settings/api-keys/actions";
import { createApiKeySchema, type ApiKeyDto, type CreatedApiKeyDto } from "@/lib/api-keys/schemas";

const formatDate = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" }).format;
const formatFull = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format;

function relative(iso: string | null): string {
  if (!iso) return "Never";
  const minutes = Math.round((Date.now() - new Date(iso).getTime()) / 60_000);
  if (minutes < 2) return "Just now";
  if (minutes < 60) return `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  return formatDate(new Date(iso));
}

export type ApiKeysViewProps = { keys: readonly ApiKeyDto[]; apiBase: string };

/**
 * List, create (the key is shown once) and revoke the workspace's REST API keys. Dates are in the
 * browser's zone, so their first render may differ from the server's (hydration warning silenced).
 */
export function ApiKeysView({ keys, apiBase }: ApiKeysViewProps) {
  const router = useRouter();
  const toast = useToast();
  const [createOpen, setCreateOpen] = useState(false);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiKeyDto | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyDto | null>(null);

  function closeCreate() {
    setCreateOpen(false);
    setName("");
    setNameError(null);
    setCreated(null);
  }

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    const parsed = createApiKeySchema.safeParse({ name });
    if (!parsed.success) {
      setNameError(parsed.error.issues[0]?.message ?? "Name the key");
      return;
    }
    setBusy(true);
    const result = await createApiKeyAction(parsed.data);
    setBusy(false);
    if (!result.ok) {
      if (result.code === "unauthorized") {
        router.refresh();
        return;
      }
      setNameError(result.fieldErrors?.name?.[0] ?? result.message);
      return;
    }
    setCreated(result.data);
    router.refresh();
  }

  async function onRevoke() {
    if (!revoking) return;
    setBusy(true);
    const result = await revokeApiKeyAction(revoking.id);
    setBusy(false);
    if (!result.ok) {
      if (result.code === "unauthorized") {
        router.refresh();
        return;
      }
      toast({ title: "The key was not revoked", description: result.message, tone: "error" });
      return;
    }
    toast({ title: "API key revoked", description: `${revoking.name} stops working at once.`, tone: "success" });
    setRevoking(null);
    router.refresh();
  }

  const createButton = (
    <Button variant="primary" icon={<PlusIcon size={16} />} onClick={() => setCreateOpen(true)} data-testid="create-api-key">
      Create API key
    </Button>
  );

  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys for the REST API at <code>{apiBase}</code>. Send one as <code>Authorization: Bearer …</code>. Keys are stored hashed and act
            for this workspace only.
          </>
        }
        actions={keys.length > 0 ? createButton : undefined}
      />
      <Card>
        {keys.length === 0 ? (
          <div className="empty">
            <div className="empty-icon" aria-hidden="true">
              <KeyIcon size={24} />
            </div>
            <h2 className="empty-title">No API keys yet</h2>
            <p className="empty-description">Create a key to shorten links from Zapier, your website or your own scripts. You see each key once, when it is created.</p>
            <div className="empty-actions">{createButton}</div>
          </div>
        ) : (
          <>
            <CardHeader title={`${keys.length} active ${keys.length === 1 ? "key" : "keys"}`} description="Revoke a key you no longer use or that may have leaked." />
            <Table caption="API keys" className="api-keys-table" data-testid="api-keys-table">
              <THead>
                <Tr>
                  <Th>Name</Th>
                  <Th>Key</Th>
                  <Th>Created</Th>
                  <Th>Last used</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </Tr>
              </THead>
              <TBody>
                {keys.map((k) => (
                  <Tr key={k.id} data-testid="api-key-row">
                    <Td>
                      <strong>{k.name}</strong>
                      {k.createdBy ? <div className="subtle" style={{ fontSize: 12 }}>by {k.createdBy.name}</div> : null}
                    </Td>
                    <Td>
                      <code>{k.prefix}…</code>
                    </Td>
                    <Td>
                      <time dateTime={k.createdAt} title={formatFull(new Date(k.createdAt))} suppressHydrationWarning>
                        {formatDate(new Date(k.createdAt))}
                      </time>
                    </Td>
                    <Td>
                      {k.lastUsedAt ? (
                        <time dateTime={k.lastUsedAt} title={formatFull(new Date(k.lastUsedAt))} suppressHydrationWarning>
                          {relative(k.lastUsedAt)}
                        </time>
                      ) : (
                        <span className="subtle">Never</span>
                      )}
                    </Td>
                    <Td style={{ textAlign: "right" }}>
                      <Button size="sm" variant="ghost" icon={<TrashIcon size={15} />} onClick={() => setRevoking(k)} aria-label={`Revoke ${k.name}`}>
                        Revoke
                      </Button>
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </>
        )}
      </Card>

      <Modal
        open={createOpen}
        onClose={closeCreate}
        title={created ? "Copy your new API key" : "Create API key"}
        description={created ? undefined : "Name it after where it will be used, so you know what to revoke later."}
        width={500}
        footer={
          created ? (
            <Button variant="primary" onClick={closeCreate} data-testid="api-key-done">
              I saved the key
            </Button>
          ) : (
            <>
              <Button variant="ghost" onClick={closeCreate} disabled={busy}>
                Cancel
              </Button>
              <Button variant="primary" type="submit" form="create-api-key-form" loading={busy}>
                Create key
              </Button>
            </>
          )
        }
      >
        {created ? (
          <div className="stack" style={{ gap: 14 }}>
            <div className="form-warning" role="alert">
              <WarningIcon size={18} />
              <p>
                <strong>You won&apos;t see it again.</strong> Copy the key now and keep it somewhere safe; we only store a hash of it.
              </p>
            </div>
            <div className="secret-box">
              <code data-testid="api-key-secret">{created.key}</code>
              <CopyButton text={created.key} label="Copy API key" what="API key" size="md" testId="api-key-copy" />
            </div>
            <p className="subtle" style={{ fontSize: 12.5 }}>
              Name: {created.name}. Try it: <code>curl -H &quot;Authorization: Bearer {created.prefix}…&quot; {apiBase}/links</code>
            </p>
          </div>
        ) : (
          <form id="create-api-key-form" onSubmit={(e) => void onCreate(e)} noValidate>
            <Field id="api-key-name" label="Name" error={nameError ?? undefined} hint="For example Zapier, Website or Reporting script.">
              <Input
                id="api-key-name"
                value={name}
                maxLength={100}
                autoComplete="off"
                invalid={Boolean(nameError)}
                {...describedBy("api-key-name", nameError ?? undefined)}
                onChange={(e) => {
                  setName(e.target.value);
                  setNameError(null);
                }}
                data-testid="api-key-name"
              />
            </Field>
          </form>
        )}
      </Modal>

      <ConfirmModal
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        confirmLabel="Revoke key"
        danger
        busy={busy}
        onClose={() => setRevoking(null)}
        onConfirm={() => void onRevoke()}
      >
        <p className="muted">Requests using this key get 401 at once. This cannot be undone; create a new key if you need one again.</p>
      </ConfirmModal>
    </>
  );
}
