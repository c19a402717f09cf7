/** Tag name (lower-case) → colour, for looking a chip's colour up by name. */
export function tagColorsOf(tags: readonly { name: string; color: string }[]): Map<string, string> {
  return new Map(tags.map((t) => [t.name.toLowerCase(), t.color]));
}

/** One read-only tag chip. A name with no colour (a tag since deleted) gets a grey dot. */
export function TagChip({ name, color }: { name: string; color: string | undefined }) {
  return (
    <span className="tag-chip tag-chip-static">
      <span className="tag-dot" style={{ background: color ?? "var(--text-subtle)" }} aria-hidden="true" />
      {name}
    </span>
  );
}

export type TagChipsProps = {
  names: readonly string[];
  /** From `tagColorsOf`: keyed by lower-case name. */
  colors: ReadonlyMap<string, string>;
  /** Chips that fit the column, the "+N" chip included. */
  max: number;
};

/**
 * A table row's tags: all of them when they fit in `max` chips, otherwise `max - 1` chips and a
 * "+N" chip naming the rest in its title; a dash when there are none.
 */
export function TagChips({ names, colors, max }: TagChipsProps) {
  if (names.length === 0) {
    return (
      <span className="subtle" aria-label="No tags">
        —
      </span>
    );
  }
  const shown = names.slice(0, names.length <= max ? max : max - 1);
  const hidden = names.length - shown.length;
  return (
    <span className="chips">
      {shown.map((name) => (
        <TagChip key={name} name={name} color={colors.get(name.toLowerCase())} />
      ))}
      {hidden > 0 ? (
        <span className="tag-chip tag-chip-static tag-chip-more" title={names.slice(shown.length).join(", ")}>
          +{hidden}
        </span>
      ) : null}
    </span>
  );
}
