import { useTranslation } from "react-i18next";

import type { Issue } from "../../bindings/Issue";
import { SettingsTextField } from "./SettingsTextField";

interface Props {
  bucket: string;
  endpoint: string;
  bucketIssues: readonly Issue[];
  endpointIssues: readonly Issue[];
  instanceRegion: string | null;
  bucketRegion: string | null;
  onBucket: (value: string) => void;
  onEndpoint: (value: string) => void;
}

/** The bucket (picked earlier, editable here) and the OSS endpoint under "Advanced". */
export function DestinationFields({
  bucket,
  endpoint,
  bucketIssues,
  endpointIssues,
  instanceRegion,
  bucketRegion,
  onBucket,
  onEndpoint,
}: Props) {
  const { t } = useTranslation();
  const region = instanceRegion ?? "?";
  return (
    <>
      <SettingsTextField
        label={t("delivery.settings.bucket")}
        name="ossBucket"
        value={bucket}
        hint={
          bucketRegion
            ? t("delivery.settings.bucketRegions", { bucketRegion, region })
            : t("delivery.settings.bucketHint", { region })
        }
        issues={bucketIssues}
        onChange={onBucket}
      />
      {/* Opened by itself when the endpoint has a problem, so the problem is never hidden. */}
      <details className="advanced" open={endpointIssues.length > 0 ? true : undefined}>
        <summary>{t("delivery.settings.advanced")}</summary>
        <SettingsTextField
          label={t("delivery.settings.endpoint")}
          name="ossEndpoint"
          value={endpoint}
          hint={t("delivery.settings.endpointHint")}
          issues={endpointIssues}
          onChange={onEndpoint}
        />
      </details>
    </>
  );
}
