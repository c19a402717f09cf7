import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

export function Table({ children, className, ...rest }: HTMLAttributes<HTMLTableElement> & { children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={["table", className].filter(Boolean).join(" ")} {...rest}>
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
