import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { ThirdPartyPackage } from "../../ipc";
import { LicenceTexts } from "./LicenceTexts";

interface Props {
  pkg: ThirdPartyPackage;
  open: boolean;
  onToggle: () => void;
  packagesPerText: ReadonlyMap<string, number>;
}

const COLUMNS = 5;

/** One shipped package, with a disclosure button that shows its licence texts in a row below. */
export function PackageRow({ pkg, open, onToggle, packagesPerText }: Props) {
  const { t } = useTranslation();
  const textsId = useId();
  return (
    <>
      <tr data-package={pkg.name}>
        <th scope="row">{pkg.name}</th>
        <td>{pkg.version}</td>
        <td>{pkg.licence}</td>
        <td className="about-source">{pkg.source}</td>
        <td>
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            aria-controls={open ? textsId : undefined}
            aria-label={t(open ? "about.hideTextOf" : "about.showTextOf", { name: pkg.name, version: pkg.version })}
            onClick={onToggle}
          >
            {t(open ? "about.hideText" : "about.showText")}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="about-texts-row" data-licence-of={pkg.name}>
          <td colSpan={COLUMNS} id={textsId}>
            <LicenceTexts texts={pkg.licenceTexts} authors={pkg.authors} packagesPerText={packagesPerText} />
          </td>
        </tr>
      )}
    </>
  );
}
