import { Card } from "@/app/_components/ui/card";
import { Skeleton } from "@/app/_components/ui/skeleton";

export default function AppLoading() {
  return (
    <div className="page" aria-busy="true" aria-label="Loading">
      <div className="stack" style={{ gap: 8 }}>
        <Skeleton width={180} height={24} />
        <Skeleton width={360} height={14} />
      </div>
      <Card>
        <div className="card-body stack">
          <Skeleton height={18} width="40%" />
          <Skeleton height={14} />
          <Skeleton height={14} width="85%" />
          <Skeleton height={14} width="70%" />
        </div>
      </Card>
    </div>
  );
}
