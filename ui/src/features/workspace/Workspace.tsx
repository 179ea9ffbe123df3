import { useState } from "react";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../app/queryKeys";
import { useLoad } from "../../app/useLoad";
import type { Load } from "../../app/useLoad";
import { ErrorNotice } from "../../components/ErrorNotice";
import { listBuckets, listTables } from "../../ipc";
import { SearchableList } from "../pick/SearchableList";
import type { ListItem } from "../pick/SearchableList";
import { ConnectionCheck } from "./ConnectionCheck";
import { InstancePicker } from "../pick/InstancePicker";
import { PageTitle } from "../../components/PageTitle";

interface Props {
  profile: string;
  region: string;
  instance: string;
  isSandbox: boolean;
  /** Switches the profile to another instance of its region. */
  onChangeInstance: (instance: string) => void;
  /** The source table chosen before, kept when the user comes back to this step. */
  initialTable: string | null;
  onTableChosen: (table: string) => void;
  /** The destination bucket, kept by the app for the task draft. */
  bucket: string | null;
  onBucketChosen: (bucket: string) => void;
}

/** The profile's source (a table) and destination (a bucket), picked side by side. */
export function Workspace({
  profile,
  region,
  instance,
  isSandbox,
  onChangeInstance,
  initialTable,
  onTableChosen,
  bucket,
  onBucketChosen,
}: Props) {
  const { t } = useTranslation();
  const [table, setTable] = useState<string | null>(initialTable);
  const [tables, reloadTables] = useLoad(queryKeys.tables(profile), () => listTables(profile));
  const [buckets, reloadBuckets] = useLoad(queryKeys.buckets(profile), () => listBuckets(profile));

  return (
    <main className="workspace" aria-labelledby="workspace-title">
      <PageTitle id="workspace-title">{t("workspace.title")}</PageTitle>
      <p className="profile-line" id="profile-line">
        {t("workspace.profileLine", { profile, region, instance })}
      </p>
      <ConnectionCheck profile={profile} />
      <div className="pickers">
        <section aria-labelledby="instances-title">
          <h2 id="instances-title">{t("pick.instances")}</h2>
          <InstancePicker profile={profile} instance={instance} isSandbox={isSandbox} onChoose={onChangeInstance} />
        </section>
        <section aria-labelledby="tables-title">
          <h2 id="tables-title">{t("pick.tables")}</h2>
          <Loaded state={tables} onRetry={reloadTables}>
            {(names) => (
              <SearchableList
                label={t("pick.filterTables")}
                filterPlaceholder={t("pick.filterPlaceholder")}
                emptyText={t("pick.noTables")}
                items={names.map((name) => ({ id: name, label: name }))}
                selectedId={table}
                onSelect={(name) => {
                  setTable(name);
                  onTableChosen(name);
                }}
              />
            )}
          </Loaded>
        </section>
        <section aria-labelledby="buckets-title">
          <h2 id="buckets-title">{t("pick.buckets")}</h2>
          <Loaded state={buckets} onRetry={reloadBuckets}>
            {(list) => (
              <SearchableList
                label={t("pick.filterBuckets")}
                filterPlaceholder={t("pick.filterPlaceholder")}
                emptyText={t("pick.noBuckets")}
                items={list.map(
                  (b): ListItem => ({
                    id: b.name,
                    label: b.name,
                    detail: b.region,
                    disabledReason: b.sameRegion ? undefined : t("pick.otherRegion", { bucketRegion: b.region, region }),
                  }),
                )}
                selectedId={bucket}
                onSelect={onBucketChosen}
              />
            )}
          </Loaded>
        </section>
      </div>
      <p className="selection" id="selection">
        {t("pick.selection", {
          table: table ?? t("pick.none"),
          bucket: bucket ?? t("pick.none"),
        })}
      </p>
    </main>
  );
}

function Loaded<T>({
  state,
  onRetry,
  children,
}: {
  state: Load<T>;
  onRetry: () => void;
  children: (value: T) => React.ReactNode;
}) {
  const { t } = useTranslation();
  if (state.status === "loading") return <p className="loading">{t("app.loading")}</p>;
  if (state.status === "failed") return <ErrorNotice error={state.error} onRetry={onRetry} />;
  return <>{children(state.value)}</>;
}
