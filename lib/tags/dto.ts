import type { TagRow } from "@/db/schema";
import type { TagDto } from "@/lib/tags/schemas";

export function toTagDto(row: TagRow, linkCount: number): TagDto {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    linkCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
