import { useTranslation } from "react-i18next";

import { queryKeys } from "../../app/queryKeys";
import { useLoad } from "../../app/useLoad";
import { ErrorNotice } from "../../components/ErrorNotice";
import { listInstances } from "../../ipc";
import { SearchableList } from "./SearchableList";
import type { ListItem } from "./SearchableList";

interface Props {
  profile: string;
  /** The profile's instance, shown as chosen. */
  instance: string;
  /** The sandbox serves the data of one instance only. */
  isSandbox: boolean;
  onChoose: (instance: string) => void;
}

/** The Tablestore instances of the profile's region; choosing one switches the profile to it. */
export function InstancePicker({ profile, instance, isSandbox, onChoose }: Props) {
  const { t } = useTranslation();
  const [instances, reload] = useLoad(queryKeys.instances(profile), () => listInstances(profile));
  if (instances.status === "loading") return <p className="loading">{t("app.loading")}</p>;
  if (instances.status === "failed") return <ErrorNotice error={instances.error} onRetry={reload} />;
  return (
    <SearchableList
      label={t("pick.filterInstances")}
      filterPlaceholder={t("pick.filterPlaceholder")}
      emptyText={t("pick.noInstances")}
      items={instances.value.map((i): ListItem => {
        const reason =
          i.status.toLowerCase() !== "normal"
            ? t("pick.instanceUnavailable", { status: i.status })
            : isSandbox && i.name !== instance
              ? t("pick.sandboxInstanceOnly", { instance })
              : undefined;
        return { id: i.name, label: i.name, detail: i.description ?? undefined, disabledReason: reason };
      })}
      selectedId={instance}
      onSelect={(name) => {
        if (name !== instance) onChoose(name);
      }}
    />
  );
}
