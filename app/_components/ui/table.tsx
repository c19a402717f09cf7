import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

export type TableProps = HTMLAttributes<HTMLTableElement> & { children: ReactNode; caption?: string };

/** A table that scrolls sideways inside its card on narrow iframes. `caption` is for screen readers. */
export function Table({ children, className, caption, ...rest }: TableProps) {
  return (
    <div className="table-wrap">
      <table className={["table", className].filter(Boolean).join(" ")} {...rest}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}
export const THead = ({ children }: { children: ReactNode }) => <thead>{children}</thead>;
export const TBody = ({ children }: { children: ReactNode }) => <tbody>{children}</tbody>;
export const Tr = (props: HTMLAttributes<HTMLTableRowElement>) => <tr {...props} />;
export const Th = (props: ThHTMLAttributes<HTMLTableCellElement>) => <th scope="col" {...props} />;
export const Td = (props: TdHTMLAttributes<HTMLTableCellElement>) => <td {...props} />;
