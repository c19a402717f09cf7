import Link from "next/link";
import type { ButtonHTMLAttributes, ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

type CommonProps = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, disables the button and sets aria-busy. */
  loading?: boolean;
  /** Leading icon (hidden while loading). */
  icon?: ReactNode;
  /** Square button holding only an icon: give it an `aria-label`. */
  iconOnly?: boolean;
  children?: ReactNode;
};

export type ButtonProps = CommonProps &
  ButtonHTMLAttributes<HTMLButtonElement> & {
    href?: undefined;
    /**
     * Looks disabled and does nothing, but stays focusable (aria-disabled) so a tooltip or a
     * note linked by `aria-describedby` can say why. Prefer it over `disabled` when the reason matters.
     */
    unavailable?: boolean;
  };

export type ButtonLinkProps = CommonProps & {
  href: string;
  className?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  target?: "_blank";
  "data-testid"?: string;
};

function buttonClasses(variant: ButtonVariant, size: ButtonSize, iconOnly: boolean, extra?: string): string {
  return ["btn", `btn-${variant}`, size === "md" ? "" : `btn-${size}`, iconOnly ? "btn-icon" : "", extra ?? ""]
    .filter(Boolean)
    .join(" ");
}

/** A button, or a Next.js link styled as one when `href` is given. */
export function Button(props: ButtonProps | ButtonLinkProps) {
  const { variant = "secondary", size = "md", loading = false, icon, iconOnly = false, children } = props;
  const content = (
    <>
      {loading ? <span className="spinner" aria-hidden="true" /> : icon}
      {children}
    </>
  );

  if (props.href !== undefined) {
    const { href, className, target } = props;
    return (
      <Link
        href={href}
        className={buttonClasses(variant, size, iconOnly, className)}
        aria-label={props["aria-label"]}
        aria-describedby={props["aria-describedby"]}
        data-testid={props["data-testid"]}
        target={target}
        rel={target === "_blank" ? "noopener noreferrer" : undefined}
      >
        {content}
      </Link>
    );
  }

  const {
    variant: _variant,
    size: _size,
    loading: _loading,
    icon: _icon,
    iconOnly: _iconOnly,
    unavailable = false,
    className,
    disabled,
    type = "button",
    onClick,
    ...rest
  } = props;
  return (
    <button
      {...rest}
      // An unavailable button never submits a form or runs its handler.
      type={unavailable ? "button" : type}
      onClick={unavailable ? undefined : onClick}
      className={buttonClasses(variant, size, iconOnly, className)}
      disabled={disabled || loading}
      aria-disabled={unavailable || undefined}
      aria-busy={loading || undefined}
    >
      {content}
    </button>
  );
}
