export type SkeletonProps = { width?: number | string; height?: number | string; radius?: number; className?: string };

/** A loading placeholder; decorative, so hidden from assistive tech (announce loading elsewhere, e.g. aria-busy). */
export function Skeleton({ width = "100%", height = 14, radius, className }: SkeletonProps) {
  return (
    <span
      className={["skeleton", className].filter(Boolean).join(" ")}
      style={{ width, height, borderRadius: radius }}
      aria-hidden="true"
    />
  );
}
