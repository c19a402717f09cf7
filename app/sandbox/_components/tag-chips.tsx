/** A contact's tags as chips; past `max`, the rest collapse into "+N" (all are in its title). */
export function TagChips({ tags, max }: { tags: readonly string[]; max?: number }) {
  if (tags.length === 0) return <span className="sbx-cell-muted">—</span>;
  const shown = max === undefined ? tags : tags.slice(0, max);
  const hidden = tags.length - shown.length;
  return (
    <span className="sbx-tags">
      {shown.map((tag) => (
        <span key={tag} className="sbx-tag">
          {tag}
        </span>
      ))}
      {hidden > 0 ? (
        <span className="sbx-tag sbx-tag-more" title={tags.slice(shown.length).join(", ")}>
          +{hidden}
        </span>
      ) : null}
    </span>
  );
}
