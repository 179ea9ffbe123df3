import { useTranslation } from "react-i18next";

import type { LicenceText } from "../../ipc";

interface Props {
  texts: LicenceText[];
  /** Who holds the copyright a standard text leaves blank (the authors the package names). */
  authors: string[];
  /** How many shipped packages come with each text (by text id). */
  packagesPerText: ReadonlyMap<string, number>;
}

/** The licence, copying and notice texts one package ships with, in full. */
export function LicenceTexts({ texts, authors, packagesPerText }: Props) {
  const { t } = useTranslation();
  return texts.map((text) => {
    const sharedBy = packagesPerText.get(text.id) ?? 1;
    return (
      <section key={text.name} className="about-licence-text">
        <h3>{text.standard ? t("about.standardText", { licence: text.name }) : text.name}</h3>
        {text.standard && authors.length > 0 && (
          <p className="about-shared">{t("about.authors", { authors: authors.join(t("mapper.status.nameSeparator")) })}</p>
        )}
        {sharedBy > 1 && <p className="about-shared">{t("about.sharedBy", { count: sharedBy })}</p>}
        {/* Licence texts are in English whatever the UI language. */}
        <pre lang="en">{text.text}</pre>
      </section>
    );
  });
}
