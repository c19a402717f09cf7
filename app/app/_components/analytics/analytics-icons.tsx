import type { CSSProperties, ReactNode } from "react";
import { CursorIcon, GlobeIcon, QrIcon, type IconProps } from "@/app/_components/icons";

/** Icons only the analytics panels use; same 24px stroke grid as `@/app/_components/icons`. */
function Svg({ size = 18, children, ...rest }: IconProps & { children: ReactNode }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" {...rest}>
      {children}
    </svg>
  );
}

export const DesktopIcon = (p: IconProps) => (
  <Svg {...p}><rect x="3" y="4" width="18" height="12" rx="1.5" /><path d="M8 20h8M12 16v4" /></Svg>
);
export const MobileIcon = (p: IconProps) => (
  <Svg {...p}><rect x="7" y="2.5" width="10" height="19" rx="2" /><path d="M11 18.5h2" /></Svg>
);
export const TabletIcon = (p: IconProps) => (
  <Svg {...p}><rect x="4.5" y="2.5" width="15" height="19" rx="2" /><path d="M11 18.5h2" /></Svg>
);
export const MailIcon = (p: IconProps) => (
  <Svg {...p}><rect x="3" y="5" width="18" height="14" rx="2" /><path d="M3.5 6.5l8.5 6 8.5-6" /></Svg>
);
export const MessageIcon = (p: IconProps) => (
  <Svg {...p}><path d="M4 5h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H9l-5 4V6a1 1 0 0 1 1-1z" /><path d="M8 10h8M8 13h5" /></Svg>
);
export const MapPinIcon = (p: IconProps) => (
  <Svg {...p}><path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z" /><circle cx="12" cy="9.5" r="2.5" /></Svg>
);
export const ClockIcon = (p: IconProps) => (
  <Svg {...p}><circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 2" /></Svg>
);
export const RouteIcon = (p: IconProps) => (
  <Svg {...p}><circle cx="6" cy="19" r="2" /><circle cx="18" cy="5" r="2" /><path d="M8 19h8a3 3 0 0 0 0-6H8a3 3 0 0 1 0-6h8" /></Svg>
);
export const ShieldIcon = (p: IconProps) => (
  <Svg {...p}><path d="M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6z" /><path d="M9 12l2 2 4-4" /></Svg>
);

export const DEVICE_ICONS: Record<string, (p: IconProps) => ReactNode> = { desktop: DesktopIcon, mobile: MobileIcon, tablet: TabletIcon };

/** A brand mark: the brand's colour with a white letter or glyph (no third-party images are loaded). */
type Mark = { bg: string; fg?: string; text?: string; glyph?: ReactNode };

const MARKS: Record<string, Mark> = {
  google: { bg: "#4285f4", text: "G" },
  bing: { bg: "#008373", text: "b" },
  duckduckgo: { bg: "#de5833", text: "D" },
  yahoo: { bg: "#6001d2", text: "Y!" },
  facebook: { bg: "#1877f2", text: "f" },
  instagram: {
    bg: "linear-gradient(45deg, #f58529 0%, #dd2a7b 55%, #8134af 100%)",
    glyph: (
      <>
        <rect x="5" y="5" width="14" height="14" rx="4" />
        <circle cx="12" cy="12" r="3.2" />
        <circle cx="16.3" cy="7.7" r="0.6" fill="currentColor" />
      </>
    ),
  },
  threads: { bg: "#101010", text: "@" },
  messenger: {
    bg: "linear-gradient(45deg, #0695ff 0%, #a334fa 60%, #ff6968 100%)",
    glyph: (
      <>
        <path d="M12 4.5c-4.4 0-7.5 3-7.5 7 0 2.2 1 4 2.6 5.3V19.5l2.5-1.4c.8.2 1.6.4 2.4.4 4.4 0 7.5-3 7.5-7s-3.1-7-7.5-7z" />
        <path d="M8 13.5l2.7-2.8 1.8 1.6 3-1.8-2.7 2.8-1.8-1.6z" fill="currentColor" />
      </>
    ),
  },
  twitter: { bg: "#0f0f0f", text: "X" },
  linkedin: { bg: "#0a66c2", text: "in" },
  tiktok: {
    bg: "#0f0f0f",
    glyph: <path d="M13.5 5v9.2a2.9 2.9 0 1 1-2.5-2.9M13.5 5c.4 2 1.7 3.3 3.8 3.5" />,
  },
  youtube: { bg: "#ff0000", glyph: <path d="M10 8.5v7l6-3.5z" fill="currentColor" /> },
  reddit: { bg: "#ff4500", text: "r/" },
  pinterest: { bg: "#e60023", text: "P" },
  snapchat: {
    bg: "#fffc00",
    fg: "#111111",
    glyph: (
      <path d="M12 5c-2.6 0-4.3 1.9-4.3 4.4v1.9l-1.4.5.8.9c-.4 1.1-1.2 2-2.4 2.5.4.6 1.2.8 2 .9l.4 1c.9-.1 1.7 0 2.5.5.8.5 1.5.9 2.4.9s1.6-.4 2.4-.9c.8-.5 1.6-.6 2.5-.5l.4-1c.8-.1 1.6-.3 2-.9-1.2-.5-2-1.4-2.4-2.5l.8-.9-1.4-.5V9.4C16.3 6.9 14.6 5 12 5z" />
    ),
  },
  whatsapp: {
    bg: "#25d366",
    glyph: (
      <>
        <path d="M5.2 18.8l1-3.4A7.3 7.3 0 1 1 9 18z" />
        <path d="M9.6 9.2c.2 2.2 2.4 4.6 4.9 5.1l1-1.1-1.5-.8-.7.7c-.9-.4-1.8-1.3-2.2-2.2l.7-.7-.8-1.5z" fill="currentColor" strokeWidth={0.6} />
      </>
    ),
  },
  telegram: {
    bg: "#26a5e4",
    glyph: <path d="M5 11.6l13-5.1-2.2 11.2-4.1-3.2-2.1 2v-3.3l6-5.3-7.6 4.6z" fill="currentColor" strokeWidth={0.8} />,
  },
  line: {
    bg: "#06c755",
    glyph: (
      <>
        <path d="M12 5c-4.4 0-8 2.8-8 6.3 0 3.1 2.8 5.7 6.7 6.2l-.4 1.9c3.5-1.4 7.4-4.3 8.8-6.4.6-.9.9-1 .9-1.7C20 7.8 16.4 5 12 5z" />
      </>
    ),
  },
  wechat: {
    bg: "#07c160",
    glyph: (
      <>
        <path d="M9.5 5C6 5 3.5 7.2 3.5 9.8c0 1.5.8 2.8 2 3.7l-.5 1.8 2.1-1.1c.7.2 1.5.3 2.4.3" />
        <path d="M15 10c-3 0-5.5 1.9-5.5 4.3s2.5 4.3 5.5 4.3c.6 0 1.2-.1 1.8-.2l1.8 1-.4-1.6c1.2-.8 2.3-2 2.3-3.5C20.5 11.9 18 10 15 10z" />
      </>
    ),
  },
};

/** Sources without a brand: drawn with the app's own stroke icons on the soft brand tile. */
const GENERIC: Record<string, (p: IconProps) => ReactNode> = {
  email: MailIcon,
  sms: MessageIcon,
  qr: QrIcon,
  direct: CursorIcon,
  other: GlobeIcon,
};

/** The small square icon in front of a traffic source's name. */
export function SourceMark({ source }: { source: string }) {
  const mark = MARKS[source];
  if (!mark) {
    const Icon = GENERIC[source] ?? GlobeIcon;
    return (
      <span className="src-mark src-mark-generic" aria-hidden="true">
        <Icon size={13} strokeWidth={2} />
      </span>
    );
  }
  const style: CSSProperties = { background: mark.bg, color: mark.fg ?? "#ffffff" };
  return (
    <span className="src-mark" style={style} aria-hidden="true">
      {mark.glyph ? (
        <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.9} strokeLinecap="round" strokeLinejoin="round">
          {mark.glyph}
        </svg>
      ) : (
        <span className={mark.text && mark.text.length > 1 ? "src-mark-text src-mark-text-sm" : "src-mark-text"}>{mark.text}</span>
      )}
    </span>
  );
}
