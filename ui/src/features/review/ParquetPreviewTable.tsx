import { useTranslation } from "react-i18next";

import { queryKeys } from "../../app/queryKeys";
import { useLoad } from "../../app/useLoad";
import type { TaskDraft } from "../../bindings/TaskDraft";
import { ErrorNotice } from "../../components/ErrorNotice";
import { previewParquet } from "../../ipc";

/** Rows shown of the rendered file. */
export const PREVIEW_ROWS = 50;

interface Props {
  profile: string;
  draft: TaskDraft;
}

/** The sampled rows written as Parquet by the domain and read back: the schema header, then rows. */
export function ParquetPreviewTable({ profile, draft }: Props) {
  const { t, i18n } = useTranslation();
  const [preview, reload] = useLoad(queryKeys.parquetPreview(profile, draft), () => previewParquet(profile, draft, PREVIEW_ROWS));
  const number = new Intl.NumberFormat(i18n.language);
  if (preview.status === "loading") return <p className="loading">{t("app.loading")}</p>;
  if (preview.status === "failed") return <ErrorNotice error={preview.error} onRetry={reload} />;
  const { columns, rows, totalRows, fileBytes } = preview.value;
  return (
    <>
      <p className="field-hint" id="parquet-summary">
        {t("delivery.review.parquetSummary", {
          shown: number.format(rows.length),
          total: number.format(totalRows),
          bytes: number.format(fileBytes),
        })}
      </p>
      <div className="table-scroll">
        <table className="parquet-preview" aria-describedby="parquet-summary">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.name} scope="col" data-column={column.name}>
                  <span className="parquet-name">{column.name}</span>
                  <span className="parquet-type">{column.parquetType}</span>
                  <span className="parquet-file-type">{column.fileType}</span>
                  {column.dirtyValues > 0 && (
                    <span className="parquet-dirty">{t("delivery.review.dirtyValues", { count: column.dirtyValues })}</span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              // Rows have no identity of their own; their position in the file is it.
              <tr key={index}>
                {row.map((value, column) => (
                  <td key={column} className={value === null ? "null-value" : undefined}>
                    {value ?? t("delivery.review.nullValue")}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
