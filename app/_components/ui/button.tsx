import Link from "next/link";
import type { ButtonHTMLAttributes, ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

type Common = { variant?: ButtonVariant; size?: ButtonSize; loading?: boolean; icon?: ReactNode; children?: ReactNode };

export type ButtonProps = Common & ButtonHTMLAttributes<HTMLButtonElement> & { href?: undefined };
export type ButtonLinkProps = Common & { href: string; className?: string; "aria-label"?: string };

function classes(variant: ButtonVariant, size: ButtonSize, extra?: string): string {
  return ["btn", `btn-${variant}`, size === "md" ? "" : `btn-${size}`, extra ?? ""].filter(Boolean).join(" ");
}

/** A button, or a link styled as one when `href` is given. */
export function Button(props: ButtonProps | ButtonLinkProps) {
  const { variant = "secondary", size = "md", loading = false, icon, children } = props;
  const content = (
    <>
      {loading ? <span className="spinner" aria-hidden="true" /> : icon}
      {children}
    </>
  );
  if (props.href !== undefined) {
    return (
      <Link href={props.href} className={classes(variant, size, props.className)} aria-label={props["aria-label"]}>
        {content}
      </Link>
    );
  }
  const { variant: _v, size: _s, loading: _l, icon: _i, className, disabled, type = "button", ...rest } = props;
  return (
    <button type={type} className={classes(variant, size, className)} disabled={disabled || loading} aria-busy={loading || undefined} {...rest}>
      {content}
    </button>
  );
}
