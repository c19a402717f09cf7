import type { Db } from "@/db/client";
import { tags } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { toTagDto } from "@/lib/tags/dto";
import type { CreateTagValues, TagDto } from "@/lib/tags/schemas";

/** Creates a tag; a name already used in the workspace (any case) is refused with `conflict` (409). */
export async function createTag(db: Db, workspaceId: string, input: CreateTagValues): Promise<TagDto> {
  const [row] = await db
    .insert(tags)
    .values({ id: newId("tag"), workspaceId, name: input.name, ...(input.color ? { color: input.color } : {}) })
    .onConflictDoNothing()
    .returning();
  if (!row) throw tagNameTaken(input.name);
  return toTagDto(row, 0);
}

export function tagNameTaken(name: string): AppError {
  return new AppError("conflict", `A tag named "${name}" already exists`, { field: "name" });
}
